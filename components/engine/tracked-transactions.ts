"use client";

/**
 * Transactions this tab created (New Collection, Send Money) and still waits on: the watcher
 * (components/engine/transaction-watcher.tsx) polls their status and toasts the final one.
 * A module-level store: one per tab, shared by every component, no provider needed.
 */
export interface TrackedTransaction {
  id: string;
  kind: "collection" | "payout";
  /** "KES 150.00 to +254700000001", for the toast. */
  label: string;
}

const tracked = new Map<string, TrackedTransaction>();
const listeners = new Set<() => void>();
let snapshot: TrackedTransaction[] = [];

function emit() {
  snapshot = [...tracked.values()];
  for (const l of listeners) l();
}

export function trackTransaction(t: TrackedTransaction): void {
  tracked.set(t.id, t);
  emit();
}

export function untrackTransaction(id: string): void {
  if (tracked.delete(id)) emit();
}

export function subscribeTracked(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function trackedSnapshot(): TrackedTransaction[] {
  return snapshot;
}
