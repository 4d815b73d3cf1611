"use client";

import dynamic from "next/dynamic";

/*
 * The Webhooks tab's forms (the endpoint with react-hook-form, the signing secret, the test event)
 * are rendered by the server with the tab, and their code is a chunk of its own that the HTML
 * loads only when that tab is shown: the other tabs do not download it. The log below them is not
 * in it: its rows and controls come with the page, so they work as soon as they show.
 */
export const WebhooksSection = dynamic(() => import("./webhooks-section").then((m) => m.WebhooksSection));
