// Graph walks the arithmetic needs before it solves anything: which stages buyers
// can reach and which can still end. (Forward / loop / exit: transition-kind.ts.)

/** Stage → the stages it leads to, keeping only edges `keep` accepts. */
export type Successors = Map<string, string[]>;

/** Stages reachable from `start` (itself included) along the given edges. */
export function reachableFrom(start: string, successors: Successors): Set<string> {
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const next of successors.get(stack.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** Stages from which one of `targets` can be reached along the given edges (targets included). */
export function canReach(targets: Iterable<string>, successors: Successors): Set<string> {
  const predecessors = new Map<string, string[]>();
  for (const [from, tos] of successors) {
    for (const to of tos) {
      const list = predecessors.get(to) ?? [];
      list.push(from);
      predecessors.set(to, list);
    }
  }
  const seen = new Set<string>();
  const stack: string[] = [];
  for (const t of targets) {
    if (!seen.has(t)) {
      seen.add(t);
      stack.push(t);
    }
  }
  while (stack.length > 0) {
    for (const prev of predecessors.get(stack.pop()!) ?? []) {
      if (!seen.has(prev)) {
        seen.add(prev);
        stack.push(prev);
      }
    }
  }
  return seen;
}

/** Stages that lie on a cycle (can return to themselves). O(n·m); used only on the rare error path. */
export function stagesOnCycles(stageIds: readonly string[], successors: Successors): Set<string> {
  const onCycle = new Set<string>();
  for (const id of stageIds) {
    const back = new Set<string>();
    const stack = [...(successors.get(id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === id) {
        onCycle.add(id);
        break;
      }
      if (back.has(next)) continue;
      back.add(next);
      stack.push(...(successors.get(next) ?? []));
    }
  }
  return onCycle;
}
