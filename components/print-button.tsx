"use client";

// The print button of a document page (receipt, invoice, credit note, certificate): the
// browser's own print dialog, where "Save as PDF" is one of the printers.

export function PrintButton() {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
