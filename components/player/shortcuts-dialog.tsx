"use client";

import { forwardRef } from "react";
import { SHORTCUTS } from "@/lib/player/keyboard-shortcuts";

/** The `?` overlay: a native modal <dialog> (focus trapped, Esc closes) listing every shortcut. */
export const ShortcutsDialog = forwardRef<HTMLDialogElement>(function ShortcutsDialog(_props, ref) {
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-title" data-testid="shortcuts-dialog">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts__table">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.label}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k + i}>
                    {k === "…" ? " … " : <kbd>{k}</kbd>}
                    {i < s.keys.length - 1 && s.keys[i + 1] !== "…" && k !== "…" ? " " : null}
                  </span>
                ))}
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="shortcuts__note">Shortcuts work anywhere on this page except while typing in a field.</p>
      <form method="dialog">
        <button className="button" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
});
