/**
 * The run request of one lab mode: its program, and a world whose links have a one-way latency of half
 * the chosen round-trip time (so client ↔ www.example.com has exactly that RTT). The seed is fixed: the
 * same choices always give the same trace.
 */
import type {RunRequest} from '../runner/types';
import {clampImages, clampRtt, type LabMode} from './modes';
import {programFor} from './programs';

export const LAB_SEED = 6;

/** Also what the lab's "show code" blocks run (src/components/HttpLab/CodePanel.tsx). */
export function labRequest(mode: LabMode, images: number, rttMs: number): RunRequest {
  return {
    code: programFor(mode, clampImages(images)),
    world: {seed: LAB_SEED, latencyMs: clampRtt(rttMs) / 2, builtins: true},
  };
}
