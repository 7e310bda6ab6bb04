// The small marker on a stage card or an arrow label: a diamond shape with the number of
// ideas, and a "Top 1"/"Top 2" tag for the focus improvements (text, not colour only).
import { useImprovementMark } from './marks';
import './improvements.css';

export function ImprovementMarker({ objectId }: { objectId: string }) {
  const mark = useImprovementMark(objectId);
  if (!mark || (mark.count === 0 && mark.focusRank === null)) return null;
  const ideas = `${mark.count} improvement idea${mark.count === 1 ? '' : 's'}`;
  return (
    <span className={`improvement-marker${mark.focusRank ? ' is-focus' : ''}`} data-testid="improvement-marker" title={ideas} aria-label={ideas}>
      <span className="improvement-marker-shape" aria-hidden="true">◆</span>
      {mark.count}
      {mark.focusRank && <span className="improvement-focus-tag">Top {mark.focusRank}</span>}
    </span>
  );
}
