/**
 * The simulated TCP/IP stack. Other code uses `World` and the types of ./api only.
 * Layers, lowest first: wire (segments) → tcp (connections) → socket → host → apps → net (World).
 */
export {World} from './net/world';
export type {WorldExtraOptions} from './net/world';
export * from './api';
