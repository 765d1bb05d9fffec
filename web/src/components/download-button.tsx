import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Params } from '../api/client';
import { ApiError, unreachable } from '../api/problem';
import { useSession } from '../app/context';
import { saveFile } from '../app/ids';
import { ErrorPanel } from './status';

/**
 * A file the API serves, fetched with the person's credential and offered to
 * save (a plain link cannot carry the credential header); a refusal is shown
 * beside the button.
 */
export function DownloadButton({
  path,
  params = {},
  accept,
  fileName,
  what,
  testId,
  children,
}: {
  path: string;
  params?: Params;
  accept: string;
  /** When the answer names no file. */
  fileName: string;
  what: string;
  testId?: string;
  children: ComponentChildren;
}) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await api.file(path, params, accept);
      saveFile(file.blob, file.fileName ?? fileName);
    } catch (e) {
      setError(e instanceof ApiError ? e : unreachable(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="download">
      <button
        type="button"
        class="secondary"
        data-testid={testId}
        disabled={busy}
        onClick={() => void download()}
      >
        {busy ? `Preparing ${what}…` : children}
      </button>
      {error && <ErrorPanel error={error} what={what} />}
    </div>
  );
}
