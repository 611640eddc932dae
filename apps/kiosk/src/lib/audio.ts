/**
 * Sounds without assets: short Web Audio tones. Browsers allow audio only after a user gesture, so pages call
 * `unlockAudio()` from a tap (the display's "sound on" button); until then these calls are silent no-ops.
 */
type AudioContextCtor = typeof AudioContext;

let context: AudioContext | null = null;

function audioContextClass(): AudioContextCtor | null {
  const w = globalThis as unknown as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

export function unlockAudio(): boolean {
  const Ctor = audioContextClass();
  if (!Ctor) return false;
  context ??= new Ctor();
  void context.resume().catch(() => undefined);
  return true;
}

function tone(frequency: number, startOffset: number, duration: number, volume = 0.25): void {
  const ctx = context;
  if (!ctx) return;
  const start = ctx.currentTime + startOffset;
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = "sine";
  osc.frequency.setValueAtTime(frequency, start);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(volume, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
  osc.connect(gain).connect(ctx.destination);
  osc.start(start);
  osc.stop(start + duration + 0.05);
}

/** The customer's "your turn": three short beeps. */
export function beep(): void {
  if (!context) unlockAudio(); // the phone may already have had a tap on this page
  tone(880, 0, 0.18);
  tone(880, 0.25, 0.18);
  tone(1175, 0.5, 0.3);
}

/** The display's two-tone chime before an announcement. */
export function chime(): void {
  tone(659, 0, 0.6, 0.3);
  tone(523, 0.45, 0.9, 0.3);
}

/** Reads the text aloud in the given language (BCP 47), after the chime; no-op without speech synthesis. */
export function speak(text: string, lang: string, delayMs = 1100): void {
  const synth = globalThis.speechSynthesis as SpeechSynthesis | undefined;
  const Utterance = (globalThis as unknown as { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance }).SpeechSynthesisUtterance;
  if (!synth || !Utterance) return;
  setTimeout(() => {
    const utterance = new Utterance(text);
    utterance.lang = lang;
    utterance.rate = 0.9;
    synth.speak(utterance);
  }, delayMs);
}

/** "A007" → "A 7": reads as a letter and a number instead of "A zero zero seven". */
export function speakableNumber(number: string): string {
  const match = /^([A-Z]*)0*(\d+)$/.exec(number);
  return match ? `${match[1] ? `${match[1]} ` : ""}${match[2]}` : number;
}

export function vibrate(pattern: number[]): void {
  try {
    navigator.vibrate?.(pattern);
  } catch {
    // not supported (desktop, iOS)
  }
}
