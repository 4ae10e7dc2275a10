/** Labels compare without case, spaces, dashes or punctuation ("– Interest income" is "interestincome"). */
export const normalizeLabel = (text: string): string => text.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]/g, "");
