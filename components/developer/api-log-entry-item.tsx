import type { ApiLogEntry, SeedDocumentStep } from '@/lib/api-log/entry'
import { README_PAGE, SEED_STEP_README_ANCHORS } from './readme-anchors'

const SEED_STEPS: Record<SeedDocumentStep, { label: string; explains: string }> = {
  1: {
    label: "From Commerce Layer's guide, step 1",
    explains: 'saves the Klarna payment source to the customer wallet',
  },
  2: { label: "From Commerce Layer's guide, step 2", explains: 'pays the order with the saved source' },
}

function statusTone(status: number | null): string {
  if (status === null || status >= 500) return 'text-red-700'
  if (status >= 400) return 'text-amber-800'
  return 'text-brand'
}

function formatBytes(text: string): string {
  return text.length < 1024 ? `${text.length} B` : `${(text.length / 1024).toFixed(1)} kB`
}

// A long body scrolls inside its box; tabIndex lets a keyboard reach and scroll it.
const BODY =
  'max-h-96 overflow-auto whitespace-pre-wrap wrap-anywhere rounded-lg bg-stone-100 p-3 font-mono text-xs leading-relaxed'

/**
 * One request: method, path and query, status, duration and time at a glance; the request body and the (folded)
 * response body on demand. A request of Commerce Layer's "Reusing the payment source" guide carries a badge linking to the
 * README's explanation.
 */
export function ApiLogEntryItem({ entry }: { entry: ApiLogEntry }) {
  const seed = entry.seedStep
    ? { ...SEED_STEPS[entry.seedStep], anchor: SEED_STEP_README_ANCHORS[entry.seedStep] }
    : null
  return (
    <li data-testid="api-log-entry" className="px-4 py-3 sm:px-6">
      {seed && (
        <p className="mb-2 text-xs">
          <a
            href={`${README_PAGE}#${seed.anchor}`}
            className="mr-2 inline-block rounded-full bg-klarna-pink px-2.5 py-0.5 font-semibold text-klarna-ink hover:underline"
          >
            {seed.label}
          </a>
          <span className="text-ink-soft">{seed.explains}</span>
        </p>
      )}
      <details>
        <summary className="cursor-pointer rounded py-1">
          <span className="font-mono text-xs font-bold">{entry.method}</span>{' '}
          <span className="font-mono text-xs wrap-anywhere">{entry.path}</span>
          <span className="mt-1 flex flex-wrap gap-x-3 pl-4 text-xs text-ink-soft">
            <span className={`font-semibold ${statusTone(entry.status)}`}>{entry.status ?? 'no answer'}</span>
            <span>{entry.durationMs} ms</span>
            <time dateTime={entry.at}>{new Date(entry.at).toLocaleTimeString()}</time>
          </span>
        </summary>
        <div className="mt-2 space-y-3 pl-4">
          {entry.error && <p className="text-sm text-red-700">{entry.error}</p>}
          <div>
            <h3 className="mb-1 text-xs font-semibold text-ink-soft">Request body</h3>
            {entry.requestBody ? (
              <pre data-testid="request-body" tabIndex={0} className={BODY}>
                {entry.requestBody}
              </pre>
            ) : (
              <p className="text-xs text-ink-soft">None</p>
            )}
          </div>
          {entry.responseBody && (
            <details>
              <summary className="cursor-pointer text-xs font-semibold text-ink-soft">
                Response body ({formatBytes(entry.responseBody)})
              </summary>
              <pre data-testid="response-body" tabIndex={0} className={`mt-1 ${BODY}`}>
                {entry.responseBody}
              </pre>
            </details>
          )}
        </div>
      </details>
    </li>
  )
}
