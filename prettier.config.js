// The code's style as it was written before Prettier: double quotes, semicolons, trailing commas
// (Prettier's defaults) and long lines; a wider limit would leave the longest lines alone, a
// narrower one would rewrap code that reads well today.
/** @type {import("prettier").Config} */
export default {
  printWidth: 160,
  overrides: [
    {
      // At 160 the SDL's documented arguments would join their field's line; the schema keeps them one a line.
      files: "*.graphql",
      options: { printWidth: 80 },
    },
  ],
};
