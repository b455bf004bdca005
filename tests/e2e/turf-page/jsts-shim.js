// @turf/jsts 2.7.2 ships only a UMD build (dist/jsts.min.js, no ESM). index.html
// loads it first as a classic script, which sets globalThis.jsts; this module
// re-exports it so `import jsts from "@turf/jsts"` in @turf/buffer's ESM works.
if (!globalThis.jsts) throw new Error('jsts.min.js must be loaded before @turf/buffer');
export default globalThis.jsts;
