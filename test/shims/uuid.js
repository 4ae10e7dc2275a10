// CommonJS stand-in for the ESM-only uuid, for Jest (see jest.config.js).
const { randomUUID } = require("crypto");
module.exports = { v4: () => randomUUID() };
