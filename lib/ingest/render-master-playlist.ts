export type TMasterVariant = {
  /** Relative to the master playlist, e.g. "360p/index.m3u8". */
  uri: string;
  /** Peak segment bit rate, bits/s (Apple HLS authoring spec: BANDWIDTH is the peak). */
  bandwidth: number;
  averageBandwidth: number;
  width: number;
  height: number;
  frameRate?: number;
  /** e.g. "avc1.4d401e,mp4a.40.2" */
  codecs: string;
};

/**
 * The multivariant ("master") playlist. ffmpeg can write one, but it leaves BANDWIDTH out
 * or guesses it from the encoder's target for CRF encodes, so it is written from measured
 * segment sizes instead. Variants are listed from lowest to highest bandwidth.
 */
export function renderMasterPlaylist(variants: TMasterVariant[]): string {
  const lines = ["#EXTM3U", "#EXT-X-VERSION:6", "#EXT-X-INDEPENDENT-SEGMENTS"];
  for (const v of [...variants].sort((a, b) => a.bandwidth - b.bandwidth)) {
    const attributes = [
      `BANDWIDTH=${Math.round(v.bandwidth)}`,
      `AVERAGE-BANDWIDTH=${Math.round(v.averageBandwidth)}`,
      `CODECS="${v.codecs}"`,
      `RESOLUTION=${v.width}x${v.height}`,
      ...(v.frameRate ? [`FRAME-RATE=${v.frameRate.toFixed(3)}`] : []),
    ];
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(",")}`, v.uri);
  }
  return `${lines.join("\n")}\n`;
}
