export { LiveSequence, type LiveSequenceOptions, type Numbered } from "./live-sequence.js";
export { CLOCK_JUMP_MS, watchWake, type WakeEnvironment } from "./wake.js";
