import { useSession } from '../app/context';
import { formatDay } from '../app/dates';
import { DownloadButton } from '../components/download-button';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The board pack at the page's bounds, as the API builds it: A4 PDF for the board, XLSX for the figures. */
export function BoardPackSection() {
  const { bounds } = useSession();
  const at = `as of ${bounds.asOf ? formatDay(bounds.asOf) : 'today'}, as known ${bounds.asKnownAt ? `at the end of ${formatDay(bounds.asKnownAt)}` : 'now'}`;
  return (
    <section aria-labelledby="board-pack-heading">
      <h2 id="board-pack-heading">Board pack</h2>
      <p>The programme's board pack {at}: it names the data cut and checksum it was built from.</p>
      <DownloadButton
        path="/v1/reports/programme"
        params={{ ...bounds, format: 'pdf' }}
        accept="application/pdf"
        fileName="board-pack.pdf"
        what="the board pack"
        testId="board-pack-pdf"
      >
        Download the board pack (PDF)
      </DownloadButton>
      <DownloadButton
        path="/v1/reports/programme"
        params={{ ...bounds, format: 'xlsx' }}
        accept={XLSX}
        fileName="board-pack.xlsx"
        what="the board pack"
        testId="board-pack-xlsx"
      >
        Download the board pack (XLSX)
      </DownloadButton>
    </section>
  );
}
