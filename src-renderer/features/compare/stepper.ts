// The Compare stepper: which change is in focus as the facilitator walks the room
// through them one at a time (← / →). Pure, so its edges are unit-tested.

export interface StepperState {
  /** Keys of the changes in the order they are walked (what the list shows). */
  keys: readonly string[];
  /** The change in focus, or null before the first step. */
  index: number | null;
}

export type StepperAction = { kind: 'next' } | { kind: 'previous' } | { kind: 'go'; key: string } | { kind: 'reset'; keys: readonly string[] };

export const startStepper = (keys: readonly string[]): StepperState => ({ keys, index: null });

/** Next and previous stop at the ends (no wrap: the room should know the walk is over). */
export function stepper(state: StepperState, action: StepperAction): StepperState {
  const last = state.keys.length - 1;
  switch (action.kind) {
    case 'next':
      if (last < 0) return state;
      return { ...state, index: state.index === null ? 0 : Math.min(last, state.index + 1) };
    case 'previous':
      if (last < 0) return state;
      return { ...state, index: state.index === null ? 0 : Math.max(0, state.index - 1) };
    case 'go': {
      const i = state.keys.indexOf(action.key);
      return i < 0 ? state : { ...state, index: i };
    }
    case 'reset': {
      // The list changed (typing, the layout toggle): keep the change in focus if it is still there.
      const focused = state.index === null ? null : state.keys[state.index];
      const kept = focused === undefined || focused === null ? -1 : action.keys.indexOf(focused);
      return { keys: action.keys, index: kept >= 0 ? kept : null };
    }
  }
}

export const focusedKey = (state: StepperState): string | null => (state.index === null ? null : (state.keys[state.index] ?? null));

/** "Change 2 of 5", or how many there are before the first step. */
export function stepLabel(state: StepperState): string {
  const n = state.keys.length;
  if (n === 0) return 'No changes';
  return state.index === null ? `${n} ${n === 1 ? 'change' : 'changes'}` : `Change ${state.index + 1} of ${n}`;
}
