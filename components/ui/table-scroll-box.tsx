"use client";

import * as React from "react";

/**
 * The box a table scrolls sideways in. While it overflows, keyboard users reach it with Tab
 * (WCAG 2.1.1, axe scrollable-region-focusable) and it is announced with the table's name (a
 * group, not a region: the page's own regions keep their names unique). A table that fits is
 * no extra Tab stop: the server renders the box focusable (no script needed to scroll it), and
 * once measured it is focusable only while its content is wider than it.
 */
export function TableScrollBox({
  label,
  labelledBy,
  children,
}: {
  label?: string;
  labelledBy?: string;
  children: React.ReactNode;
}) {
  const ref = React.useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = React.useState(true);
  React.useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      data-slot="table-container"
      tabIndex={overflows ? 0 : undefined}
      role="group"
      aria-label={label}
      aria-labelledby={label ? undefined : labelledBy}
      className="ui-table-container"
    >
      {children}
    </div>
  );
}
