/**
 * RFC 6381 codec strings for the HLS master playlist's CODECS attribute, read from the
 * stream's own parameters rather than assumed: "avc1.PPCCLL" is profile_idc,
 * constraint flags and level_idc from the H.264 SPS; AAC-LC is "mp4a.40.2".
 */

/** ffprobe `-show_data` prints extradata as an xxd-style dump; returns its bytes. */
export function parseFfprobeHexDump(dump: string): Uint8Array {
  const bytes: number[] = [];
  for (const line of dump.split("\n")) {
    const match = /^[0-9a-f]{8}: ((?:[0-9a-f]{2,4} ?)+)/i.exec(line);
    if (!match) continue;
    const hex = match[1]!.trim().split(/\s+/).join("");
    for (let i = 0; i + 1 < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  }
  return Uint8Array.from(bytes);
}

/** From avcC (MP4) or Annex B (MPEG-TS) extradata; undefined when no SPS is found. */
export function avcCodecString(extradata: Uint8Array): string | undefined {
  const hex = (n: number) => n.toString(16).padStart(2, "0");
  // avcC: configurationVersion = 1, then profile, compatibility, level.
  if (extradata.length >= 4 && extradata[0] === 1) {
    return `avc1.${hex(extradata[1]!)}${hex(extradata[2]!)}${hex(extradata[3]!)}`;
  }
  // Annex B: find a start code followed by a NAL of type 7 (SPS).
  for (let i = 0; i + 6 < extradata.length; i++) {
    const startCode = extradata[i] === 0 && extradata[i + 1] === 0 && extradata[i + 2] === 1;
    if (startCode && (extradata[i + 3]! & 0x1f) === 7) {
      return `avc1.${hex(extradata[i + 4]!)}${hex(extradata[i + 5]!)}${hex(extradata[i + 6]!)}`;
    }
  }
  return undefined;
}

export function audioCodecString(codecName: string, profile: string | undefined): string | undefined {
  if (codecName !== "aac") return undefined;
  if (profile === "HE-AAC") return "mp4a.40.5";
  if (profile === "HE-AACv2") return "mp4a.40.29";
  return "mp4a.40.2";
}
