/**
 * The run request of one lab mode: its program, and a world whose links have a one-way latency of half
 * the chosen round-trip time (so client ↔ www.example.com has exactly that RTT), the chosen packet loss
 * and the server's think time. The seed is fixed: the same choices always give the same trace (the same
 * segments lost).
 */
import type {RunRequest} from '../runner/types';
import {CLEAN, clampImages, clampLoss, clampRtt, clampThink, type LabConditions, type LabMode} from './modes';
import {programFor} from './programs';

export const LAB_SEED = 6;

/** Also what the lab's "show code" blocks run (src/components/HttpLab/CodePanel.tsx). */
export function labRequest(mode: LabMode, images: number, rttMs: number, conditions: LabConditions = CLEAN): RunRequest {
  const lossPct = clampLoss(conditions.lossPct);
  const thinkMs = clampThink(conditions.thinkMs);
  return {
    code: programFor(mode, clampImages(images)),
    world: {
      seed: LAB_SEED,
      latencyMs: clampRtt(rttMs) / 2,
      builtins: true,
      ...(lossPct > 0 ? {loss: lossPct / 100} : {}),
      ...(thinkMs > 0 ? {webThinkMs: thinkMs} : {}),
    },
  };
}
