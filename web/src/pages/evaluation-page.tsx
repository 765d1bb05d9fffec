import { CoProductionSection } from './co-production-section';
import { DataCutsSection } from './data-cuts-section';
import { FunnelSection } from './funnel-section';
import { ProgressDistributionSection } from './progress-section';

export function EvaluationPage({ query }: { query: URLSearchParams }) {
  return (
    <>
      <h1>Evaluation</h1>
      <FunnelSection />
      <CoProductionSection />
      <ProgressDistributionSection />
      <DataCutsSection query={query} />
    </>
  );
}
