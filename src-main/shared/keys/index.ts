export * from './key-types';
export * from './key-layout';
export * from './validate-key';
export * from './key-drafts';
export * from './key-copy';
export * from './key-target';
export * from './keys-template';
