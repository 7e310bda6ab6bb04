// Turns zod's validation issues into sentences a facilitator understands, for the
// API's refusals and the import's: no "received undefined", no "Too small: expected".
// Messages we wrote ourselves (in the schemas) are kept; zod's defaults are replaced.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** What a field is called in words; keys not listed are split from camelCase. */
const FIELD_WORDS: Record<string, string> = {
  id: 'the id',
  workshopId: 'the workshop',
  versionId: 'the map version',
  fromVersionId: 'the map version to copy',
  metricId: 'the metric',
  readingId: 'the reading',
  stageId: 'the stage',
  transitionId: 'the transition',
  revision: 'the revision number',
  meta: 'the workshop details',
  title: 'the title',
  organisation: 'the organisation',
  team: 'the team',
  date: 'the date',
  facilitator: 'the facilitator',
  participants: 'the participants',
  role: 'the role',
  objective: 'the objective',
  scope: 'the scope',
  segment: 'the segment',
  offering: 'the offering',
  idealCustomer: 'the ideal customer',
  status: 'the status',
  notes: 'the notes',
  template: 'the template',
  fields: 'the metric',
  attachTo: 'what the metric measures',
  kind: 'the kind',
  question: 'the question',
  definition: 'the definition',
  unit: 'the unit',
  dataSource: 'the data source',
  ownerRole: 'the owner role',
  cadence: 'the cadence',
  baseline: 'the baseline',
  target: 'the target',
  suggestionKey: 'the suggestion',
  reading: 'the reading',
  value: 'the value',
  note: 'the note',
  signOff: 'the sign-off',
  agreedAt: 'the date it was agreed',
  agreedBy: 'who agreed',
  document: 'the map',
  format: 'the format',
  formatVersion: 'the file format version',
  paper: 'the paper size',
  query: 'the search text',
  trash: 'the trash choice',
  text: 'the file',
  name: 'the name',
  workshop: 'the workshop',
  versions: 'the map versions',
  metrics: 'the measurement plan',
  readings: 'the readings',
  exportedAt: 'the export time',
  app: 'the app details',
  version: 'the version',
  position: 'the position',
  x: 'the position',
  y: 'the position',
  // Improvements (the dispatcher names an improvement's "fields" "improvement").
  improvement: 'the improvement',
  improvements: 'the improvements',
  addresses: 'what the improvement addresses',
  problem: 'the problem',
  idea: 'the idea',
  impact: 'the impact',
  effort: 'the effort',
  votes: 'the votes',
  dueDate: 'the due date',
  effects: 'the expected effects',
  rate: 'the conversion',
  days: 'the days per visit',
  share: 'the %C&A',
  trialStart: 'the trial start',
  reviewDate: 'the review date',
  pdca: 'the PDCA notes',
  result: 'the result',
  overrideReason: 'the reason to override the focus limit',
};

/** Names for one entry of a list, so "participants.2.name" reads "the name of participant 3". */
const ENTRY_WORDS: Record<string, string> = {
  participants: 'participant',
  agreedBy: 'person who agreed',
  versions: 'map',
  metrics: 'metric',
  readings: 'reading',
  stages: 'stage',
  outcomes: 'outcome',
  transitions: 'transition',
  actions: 'action',
  exitCriteria: 'exit criterion',
  effects: 'expected effect',
  improvements: 'improvement',
};

function words(key: string): string {
  return FIELD_WORDS[key] ?? `the ${key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

const entry = (list: string, index: number) => `${ENTRY_WORDS[list] ?? `entry ${index + 1} of ${words(list)}`}${ENTRY_WORDS[list] ? ` ${index + 1}` : ''}`;

/** "the name of participant 3", "person who agreed 2", "the date it was agreed (map 1)", "the title". */
export function fieldName(path: readonly PropertyKey[]): string {
  const keys = path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  if (keys.length === 0) return 'the request';
  const last = keys.length - 1;
  const tail = keys[last]!;
  // "agreedBy.1" is an entry of a list; "participants.2.name" a field of an entry.
  let name: string;
  let used: number;
  if (typeof tail === 'number') {
    name = typeof keys[last - 1] === 'string' ? entry(keys[last - 1] as string, tail) : `entry ${tail + 1}`;
    used = last - 1;
  } else if (typeof keys[last - 1] === 'number' && typeof keys[last - 2] === 'string') {
    name = `${words(tail)} of ${entry(keys[last - 2] as string, keys[last - 1] as number)}`;
    used = last - 2;
  } else {
    name = words(tail);
    used = last;
  }
  // The nearest list entry further out says where ("the date it was agreed (map 1)").
  for (let i = used - 1; i > 0; i--) {
    const index = keys[i];
    const list = keys[i - 1];
    if (typeof index === 'number' && typeof list === 'string') return `${name} (${entry(list, index)})`;
  }
  return name;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const quoteList = (items: readonly string[]) => items.map((k) => `"${k.slice(0, 60)}"`).join(', ');

/** zod's own wording starts like this; our schema messages never do. */
const ZOD_DEFAULT = /^(Invalid|Too small|Too big|Unrecognized|Expected)\b/;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
};

export interface DescribeOptions {
  /** Name the field before our own schema messages too (a file has no form to point at). */
  nameFields?: boolean;
}

/** One issue as one sentence ending in a full stop. */
export function issueSentence(issue: Issue, { nameFields = false }: DescribeOptions = {}): string {
  const field = fieldName(issue.path);
  const Field = capitalise(field);
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? ` in ${field}` : '';
    return issue.keys.length === 1
      ? `Leanmap does not know the field ${quoteList(issue.keys)}${where}; leave it out.`
      : `Leanmap does not know the fields ${quoteList(issue.keys)}${where}; leave them out.`;
  }
  if (!ZOD_DEFAULT.test(issue.message)) {
    const trimmed = issue.message.trim();
    const own = /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
    return nameFields && issue.path.length ? `${Field}: ${own.charAt(0).toLowerCase()}${own.slice(1)}` : own;
  }
  // Parsed with reportInput (parseForPeople), a missing field is one whose input is undefined.
  const missing = issue.code === 'invalid_type' ? /received undefined$/.test(issue.message) : (issue as { input?: unknown }).input === undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return `${Field} is missing.`;
      return `${Field} should be ${TYPE_WORDS[issue.expected] ?? issue.expected}.`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `${Field} is empty; fill it in.` : `${Field} needs at least ${issue.minimum} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${Field} needs at least ${issue.minimum} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}.`;
      return `${Field} must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `${Field} is too long; keep it to ${issue.maximum} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${Field} has too many entries; at most ${issue.maximum}.`;
      return `${Field} must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}.`;
    case 'invalid_value':
      if (missing) return `${Field} is missing.`;
      return issue.values.length <= 6
        ? `${Field} must be one of ${issue.values.map((v) => `"${String(v)}"`).join(', ')}.`
        : `${Field} is not one Leanmap knows.`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (missing) return `${Field} is missing.`;
      if (Array.isArray(options) && options.length <= 6) return `${Field} must be one of ${options.map((v) => `"${String(v)}"`).join(', ')}.`;
      return `${Field} is not in a form Leanmap knows.`;
    }
    case 'invalid_format':
      return `${Field} is not written the way Leanmap expects.`;
    case 'not_multiple_of':
      return `${Field} should be a whole number.`;
    default:
      return `${Field} is not valid.`;
  }
}

/** Parses for a refusal worth reading: with reportInput, a missing choice reads "is missing". */
export function parseForPeople<T extends z.ZodType>(schema: T, input: unknown): z.ZodSafeParseResult<z.output<T>> {
  return schema.safeParse(input, { reportInput: true });
}

/** Up to three sentences, then how many more problems there are. */
export function describeProblems(issues: readonly Issue[], options: DescribeOptions = {}, max = 3): string {
  const sentences = [...new Set(issues.map((issue) => issueSentence(issue, options)))];
  const shown = sentences.slice(0, max).join(' ');
  const more = sentences.length - max;
  return more > 0 ? `${shown} (There ${more === 1 ? 'is 1 more problem' : `are ${more} more problems`}.)` : shown;
}
