// Runs one session change and shows a refusal as a notice, in the facilitator's words.
import { useCallback } from 'react';
import { useUiStore } from '../../store/ui-store';
import type { SessionController, SessionMethod } from './session-controller';
import type { MethodInput } from '../../../src-shared/api/contract';

export type Run = <M extends SessionMethod>(method: M, input: Omit<MethodInput<M>, 'workshopId'>) => Promise<boolean>;

export function useRun(ctl: SessionController): Run {
  const notify = useUiStore((s) => s.notify);
  return useCallback<Run>(
    async (method, input) => {
      const refusal = await ctl.run(method, input);
      if (refusal) notify({ text: refusal, tone: 'error' });
      return refusal === null;
    },
    [ctl, notify],
  );
}
