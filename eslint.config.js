import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "client/dist/", "test-artifacts/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-syntax": [
        "error",
        { selector: "TSEnumDeclaration", message: "Enums are not erasable syntax; use a union of string literals." }
      ]
    }
  },
  {
    // The pure core must stay free of wall-clock time and unseeded randomness.
    files: ["server/src/core/**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "The core takes time as data." },
        { object: "Math", property: "random", message: "The core takes seeds as data." }
      ],
      "no-restricted-imports": ["error", { patterns: ["node:*", "fs", "path", "http"] }]
    }
  }
);
