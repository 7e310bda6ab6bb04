// The process arithmetic (DOMAIN.md "The arithmetic" and "Checks that keep a map
// honest"): one entry point for the app, the exports and the tests.
export * from './flow';
export { RATE_TOLERANCE, resolveRates, type RateSource, type ResolvedRate, type StageRates } from './rates';
export * from './figures';
export * from './bottlenecks';
export * from './quality';
export * from './checks';
export * from './process-analysis';
export * from './analysis-inputs';
