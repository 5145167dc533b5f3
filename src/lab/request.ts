/**
 * The run request of one lab mode: its program, and a world whose links have a one-way latency of half
 * the chosen round-trip time (so client ↔ www.example.com has exactly that RTT). The seed is fixed: the
 * same choices always give the same trace.
 */
import type {RunRequest} from '../runner/types';
import type {WorldOptions} from '../sim/api';
import {clampImages, clampRtt, type LabMode} from './modes';
import {programFor} from './programs';

export const LAB_SEED = 6;

/** The lab's world for a round-trip time: also the world its "show code" blocks run in. */
export function labWorld(rttMs: number): WorldOptions {
  return {seed: LAB_SEED, latencyMs: clampRtt(rttMs) / 2, builtins: true};
}

export function labRequest(mode: LabMode, images: number, rttMs: number): RunRequest {
  return {code: programFor(mode, clampImages(images)), world: labWorld(rttMs)};
}
