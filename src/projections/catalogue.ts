import { Projection } from './runner/projection';

/** Every read model the runner keeps live (and time travel can fold). */
export const READ_MODELS: readonly Projection[] = [];
