// CommonJS stand-in for the ESM-only strip-bom, for Jest (see jest.config.js).
module.exports = (text) => (typeof text === "string" && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
