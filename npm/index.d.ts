export { default, initSync } from './web/sundhedsklynger.js';
export * from './web/sundhedsklynger.js';
