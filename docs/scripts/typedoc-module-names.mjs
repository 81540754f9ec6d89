// Names each module of the API reference after the import a user writes ("@nabla/core/testing")
// instead of its path in the repository.
import { resolve } from "node:path";
import { Converter, ReflectionKind } from "typedoc";
import { publishablePackages } from "./packages.mjs";

/** @param {import("typedoc").Application} app */
export function load(app) {
  const importNames = new Map();
  for (const pkg of publishablePackages()) {
    for (const entry of pkg.entryPoints) {
      importNames.set(resolve(entry.source), entry.subpath === "." ? pkg.name : `${pkg.name}/${entry.subpath.slice(2)}`);
    }
  }
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const symbol = context.getSymbolFromReflection(reflection);
    const file = symbol?.declarations?.find((d) => d.getSourceFile)?.getSourceFile().fileName;
    const name = file && importNames.get(resolve(file));
    if (name) reflection.name = name;
  });
}
