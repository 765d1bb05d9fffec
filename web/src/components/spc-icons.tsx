import { VARIATION_COLOURS } from '../charts/palette';

/**
 * Making Data Count's summary icons: what the latest point says about the
 * variation (improving, concerning, neither, or only common cause; high or
 * low), and whether the target will be met reliably (pass, fail, or hit and
 * miss). Drawn as SVG with a text name.
 */
const VARIATION: Record<string, { colour: string; mark: string; name: string }> = {
  'improvement-high': {
    colour: VARIATION_COLOURS.improvement,
    mark: 'H',
    name: 'Special cause improvement (high values)',
  },
  'improvement-low': {
    colour: VARIATION_COLOURS.improvement,
    mark: 'L',
    name: 'Special cause improvement (low values)',
  },
  'concern-high': {
    colour: VARIATION_COLOURS.concern,
    mark: 'H',
    name: 'Special cause concern (high values)',
  },
  'concern-low': { colour: VARIATION_COLOURS.concern, mark: 'L', name: 'Special cause concern (low values)' },
  'neither-high': {
    colour: VARIATION_COLOURS.neither,
    mark: 'H',
    name: 'Special cause, neither better nor worse (high)',
  },
  'neither-low': {
    colour: VARIATION_COLOURS.neither,
    mark: 'L',
    name: 'Special cause, neither better nor worse (low)',
  },
  'common-cause': {
    colour: VARIATION_COLOURS['common-cause'],
    mark: '~',
    name: 'Common cause variation only',
  },
};

const ASSURANCE: Record<string, { colour: string; mark: string; name: string }> = {
  pass: { colour: VARIATION_COLOURS.improvement, mark: 'P', name: 'Target consistently met (pass)' },
  fail: { colour: VARIATION_COLOURS.concern, mark: 'F', name: 'Target consistently missed (fail)' },
  'hit-or-miss': { colour: VARIATION_COLOURS['common-cause'], mark: '?', name: 'Target hit and miss' },
};

function Icon({
  colour,
  mark,
  name,
  testId,
}: {
  colour: string;
  mark: string;
  name: string;
  testId: string;
}) {
  return (
    <span class="spc-icon" data-testid={testId}>
      <svg width="36" height="36" viewBox="0 0 36 36" aria-hidden="true" focusable="false">
        <circle cx="18" cy="18" r="16" fill="#ffffff" stroke={colour} stroke-width="3" />
        <text x="18" y="24" text-anchor="middle" font-size="17" font-weight="700" fill={colour}>
          {mark}
        </text>
      </svg>
      <span>{name}</span>
    </span>
  );
}

export function SpcIcons({ variation, assurance }: { variation: string | null; assurance: string | null }) {
  const v = variation ? VARIATION[variation] : undefined;
  const a = assurance ? ASSURANCE[assurance] : undefined;
  if (!v && !a) return <p class="hint">This profile draws no summary icons.</p>;
  return (
    <div class="spc-icons">
      {v && <Icon {...v} testId="variation-icon" />}
      {a && <Icon {...a} testId="assurance-icon" />}
    </div>
  );
}
