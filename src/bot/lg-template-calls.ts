import {
  CustomizedMemory,
  Evaluator,
  TemplateErrors,
  TemplateExtensions,
  type Template,
} from 'botbuilder-lg';

/**
 * botbuilder-lg does per call what depends only on the parsed templates: every call of a template with
 * arguments indexes all the templates by name again (lodash `keyBy`) to find its parameters, though the
 * evaluator already holds that index (`templateMap`, built once from the same templates); every line it
 * says works out an error prefix from its place in the parse tree, used only when something fails; and
 * every expression has its `${…}` trimmed off again. Parsed templates never change, so these are taken
 * from the index or kept. Same scopes, same text, same errors.
 */
type Scope = ReturnType<Evaluator['constructScope']>;
type Internals = {
  templateMap: Record<string, Template>;
  parseTemplateName(name: string): { pureTemplateName: string };
  currentTarget(): { scope: CustomizedMemory | undefined } | undefined;
};

let installed = false;

/** Installs the three shortcuts; idempotent. */
export function keepTemplateCallWork(): void {
  if (installed) return;
  installed = true;
  // The class botbuilder-lg wraps a call's arguments in, found from a memory so no other package is imported.
  const Wrapped = (new CustomizedMemory({}) as unknown as { globalMemory: object }).globalMemory
    .constructor as new (scope: object) => CustomizedMemory['localMemory'];

  Evaluator.prototype.constructScope = function scopeFromIndex(
    this: Evaluator,
    inputTemplateName: string,
    args: unknown[],
  ): Scope {
    const self = this as unknown as Internals;
    const name = self.parseTemplateName(inputTemplateName).pureTemplateName;
    const template = self.templateMap[name];
    if (!template) throw new Error(TemplateErrors.templateNotExist(name));
    const current = self.currentTarget()?.scope;
    if (args.length === 0) return current as Scope;
    const named: Record<string, unknown> = {};
    template.parameters.forEach((p, i) => (named[p] = args[i]));
    if (!current) throw new Error(TemplateErrors.invalidMemory);
    return new CustomizedMemory(current.globalMemory, new Wrapped(named));
  };

  const prefixOf = TemplateExtensions.getPrefixErrorMessage.bind(TemplateExtensions);
  const prefixes = new WeakMap<object, string>();
  TemplateExtensions.getPrefixErrorMessage = (context) => {
    let prefix = prefixes.get(context);
    if (prefix === undefined) prefixes.set(context, (prefix = prefixOf(context)));
    return prefix;
  };

  const trim = TemplateExtensions.trimExpression.bind(TemplateExtensions);
  const trimmed = new Map<string, string>();
  TemplateExtensions.trimExpression = (expression: string) => {
    let inner = trimmed.get(expression);
    if (inner === undefined) {
      inner = trim(expression);
      // Expressions come from the templates, a bounded set; the bound only guards against surprises.
      if (trimmed.size < 10_000) trimmed.set(expression, inner);
    }
    return inner;
  };
}

/**
 * Makes `allTemplates` of a parsed set a kept array: the getter concatenates and de-duplicates every
 * template again, and the evaluator reads it on every template call. Bot templates are never added to
 * after parsing.
 */
export function keepAllTemplates(templates: { allTemplates: Template[] }): void {
  const all = templates.allTemplates;
  Object.defineProperty(templates, 'allTemplates', { get: () => all, configurable: true });
}
