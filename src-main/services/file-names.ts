// File names built from user text: the rules live in src-shared/domain/file-names.ts,
// so the browser names an export's zip exactly as the backend names its files.
export { reportFileStem, safeFileStem } from '../../src-shared/domain/file-names';
