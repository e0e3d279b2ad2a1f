import type { TToc } from "@/lib/catalog/get-course-toc";
import type { TGridRow } from "@/lib/teams/team-grid";

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never");

/** Members × parts of honest completion, last active and totals (presentational). */
export function TeamGridTable({ toc, grid }: { toc: TToc; grid: TGridRow[] }) {
  return (
    // Scrolls sideways on a phone: focusable so keyboard users can scroll it too.
    <div className="table-scroll" role="region" aria-label="Progress per member and part" tabIndex={0}>
      <table className="team-grid" data-testid="team-grid">
        <caption className="visually-hidden">Completed segments per member and part</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            {toc.parts.map((p) => (
              <th scope="col" key={p.id} className="num" title={p.title}>
                Part {p.position}
                <span className="team-grid__part-title">{p.title}</span>
              </th>
            ))}
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col">Last active</th>
          </tr>
        </thead>
        <tbody>
          {grid.map((row) => (
            <tr key={row.memberId} data-testid="team-grid-row" data-email={row.email}>
              <th scope="row">
                {row.name}
                <span className="team-grid__email" title={row.email}>
                  {row.email}
                </span>
              </th>
              {row.parts.map((cell, i) => (
                <td
                  key={cell.partId}
                  className={`num team-grid__cell${cell.completed === cell.total ? " team-grid__cell--done" : cell.completed > 0 ? " team-grid__cell--some" : ""}`}
                  data-testid="team-grid-cell"
                  data-part={i + 1}
                >
                  {cell.completed}/{cell.total}
                </td>
              ))}
              <td className="num" data-testid="team-grid-total">
                {row.completedSegments}/{row.totalSegments}
              </td>
              <td>{when(row.lastActiveAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
