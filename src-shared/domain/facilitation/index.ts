// Facilitation records (DOMAIN.md): agenda, timer, voting rounds, parking lot, decision
// log and what the audience view shows. Pure rules; the session service stores them.
export * from './agenda';
export * from './audience-view';
export * from './decisions';
export * from './parking-lot';
export * from './timer';
export * from './voting';
export * from './session';
export * from './session-ops';
export * from './vote-targets';
export * from './parking-conversion';
export * from './focus-override';
export * from './session-ids';
