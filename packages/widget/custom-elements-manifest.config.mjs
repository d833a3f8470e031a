// `cem analyze` reads this: the public API comes from the classes' JSDoc and static properties.

/**
 * Lit's `static properties` entries with `state: true` are internal reactive state, not
 * attributes or public fields (the analyzer lists them as both); events dispatched as
 * instances of Event subclasses have no static name, or get the name of a constructor argument
 * (`new CustomEvent(NAME_CONSTANT, …)`, `new TicketUpdatedEvent(ticket)`). Drop them all: real
 * event names are kebab-case with a prefix (`support-ticket-created`, `st-filters`).
 */
function litStatePlugin() {
  const stateByClass = new Map();
  return {
    name: 'lit-state-properties',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const states = new Set();
      for (const member of node.members) {
        const isStaticProperties =
          ts.isPropertyDeclaration(member) &&
          member.name.getText() === 'properties' &&
          member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStaticProperties || !member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        for (const prop of member.initializer.properties) {
          if (!ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer)) continue;
          const isState = prop.initializer.properties.some(
            (p) => ts.isPropertyAssignment(p) && p.name.getText() === 'state' && p.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (isState) states.add(prop.name.getText());
        }
      }
      stateByClass.set(`${moduleDoc.path}#${node.name.getText()}`, states);
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const states = stateByClass.get(`${moduleDoc.path}#${declaration.name}`);
        if (states) {
          declaration.attributes = (declaration.attributes ?? []).filter((a) => !states.has(a.fieldName ?? a.name));
          declaration.members = (declaration.members ?? []).filter((m) => !states.has(m.name));
        }
        if (declaration.events) declaration.events = declaration.events.filter((e) => /^[a-z]+(-[a-z]+)+$/.test(e.name ?? ''));
      }
    },
  };
}

/**
 * The analyzer lists modules in the order the file system hands them over, which changes from
 * run to run; sorted by path, the same sources always give the same manifest.
 */
function stableOrderPlugin() {
  return {
    name: 'stable-module-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/testing/**'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; the analyzer would otherwise rewrite the
  // package.json of whatever directory it runs from.
  packagejson: false,
  plugins: [litStatePlugin(), stableOrderPlugin()],
};
