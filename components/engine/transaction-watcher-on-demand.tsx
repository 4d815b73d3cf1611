"use client";

import { useState, useSyncExternalStore } from "react";
import dynamic from "next/dynamic";
import { subscribeTracked, trackedSnapshot } from "./tracked-transactions";

// The watcher (status polling, toasts, labels) loads once this tab has created a transaction: most
// page loads never do, and it would otherwise ship with every dashboard page.
const TransactionWatcher = dynamic(() => import("./transaction-watcher").then((m) => m.TransactionWatcher), { ssr: false });

const anyTracked = () => trackedSnapshot().length > 0;
const none = () => false;

/** Mounts the TransactionWatcher from the first tracked transaction on (and keeps it mounted). */
export function TransactionWatcherOnDemand() {
  const tracking = useSyncExternalStore(subscribeTracked, anyTracked, none);
  const [used, setUsed] = useState(false);
  if (tracking && !used) setUsed(true);
  return used ? <TransactionWatcher /> : null;
}
