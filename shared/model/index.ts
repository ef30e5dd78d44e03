export * from './claims';
export * from './curated-list';
export * from './district-policy';
export * from './feed';
export * from './primitives';
export * from './resource';
export * from './unit-context';
export * from './vocabulary';
