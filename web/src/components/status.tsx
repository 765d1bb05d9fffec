import type { ComponentChildren } from 'preact';
import { ApiError, explain } from '../api/problem';
import type { Resource } from '../app/use-resource';

export function Loading({ what }: { what: string }) {
  return (
    <p class="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** A refusal or an outage, said plainly where the figures would be, with what can be done. */
export function ErrorPanel({ error, retry, what }: { error: ApiError; retry?: () => void; what: string }) {
  const { heading, message, action } = explain(error);
  return (
    <div class="error-panel" role="alert" data-testid="error" data-status={error.status}>
      <h3>
        {heading} <span class="error-context">({what})</span>
      </h3>
      <p>{message}</p>
      {error.errors.length > 0 && (
        <ul data-testid="error-fields">
          {error.errors.map((e, i) => (
            <li key={i}>
              {e.field && <code>{e.field}</code>} {e.rule && <span class="hint">({e.rule})</span>} {e.message}
            </li>
          ))}
        </ul>
      )}
      {error.correlationId && <p class="hint">Reference for support: {error.correlationId}</p>}
      {action === 'retry' && retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Renders a resource's data, or says why there is none yet. */
export function Await<T>({
  resource,
  retry,
  what,
  children,
}: {
  resource: Resource<T>;
  retry: () => void;
  what: string;
  children: (data: T) => ComponentChildren;
}) {
  if (resource.state === 'loading') return <Loading what={what} />;
  if (resource.state === 'failed') return <ErrorPanel error={resource.error} retry={retry} what={what} />;
  return <>{children(resource.data)}</>;
}
