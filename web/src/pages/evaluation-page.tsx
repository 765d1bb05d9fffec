import { CoProductionSection } from './co-production-section';
import { DataCutsSection } from './data-cuts-section';
import { FunnelSection } from './funnel-section';

export function EvaluationPage() {
  return (
    <>
      <h1>Evaluation</h1>
      <FunnelSection />
      <CoProductionSection />
      <DataCutsSection />
    </>
  );
}
