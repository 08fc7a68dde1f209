//! Scope analysis (CPython's symtable): decides, for every name in every function, class body,
//! comprehension and the module, whether it is a local slot, a cell shared with inner functions,
//! a free variable from an enclosing function, a global, or a class-namespace name. Also finds
//! the static errors CPython's symtable reports (`nonlocal` without a binding, and so on).

use std::collections::HashMap;

use indexmap::IndexMap;

use crate::syntax::ast::*;
use crate::syntax::error::{SyntaxError, SyntaxErrorKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// How code in a scope reaches a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameAccess {
    /// A slot in the frame.
    Local,
    /// A local captured by an inner function: lives in a cell.
    Cell,
    /// A variable of an enclosing function, reached through the closure.
    Free,
    /// Declared `global`, or not bound anywhere enclosing: module slots, then builtins.
    Global,
    /// A class body's own names: the namespace dict, then globals.
    Namespace,
    /// In a class body, a name bound in an enclosing function: namespace dict, then the cell.
    ClassFree,
}

#[derive(Clone, Copy, Debug, Default)]
struct Usage {
    bound: bool,
    used: bool,
    param: bool,
    global: bool,
    nonlocal: bool,
    /// Bound by a walrus inside a comprehension: belongs to the enclosing scope.
    walrus_in_comprehension: bool,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    usages: IndexMap<String, Usage>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    pub is_generator: bool,
    pub is_async: bool,
    /// The function refers to `super` or `__class__`, so it needs the `__class__` cell.
    pub needs_class_cell: bool,
    /// Resolved after analysis.
    pub access: HashMap<String, NameAccess>,
    /// Cell variables in definition order (parameters first, as CPython orders them).
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// Parameter names in CPython order.
    pub params: Vec<String>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            usages: IndexMap::new(),
            children: Vec::new(),
            parent,
            is_generator: false,
            is_async: false,
            needs_class_cell: false,
            access: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            params: Vec::new(),
        }
    }

    pub fn access_of(&self, name: &str) -> NameAccess {
        if let Some(a) = self.access.get(name) {
            return *a;
        }
        match self.kind {
            ScopeKind::Class => NameAccess::Namespace,
            _ => NameAccess::Global,
        }
    }

    /// Names that get local slots, in order: parameters first.
    pub fn local_names(&self) -> Vec<String> {
        let mut out = self.params.clone();
        for (name, _) in self.usages.iter() {
            if matches!(
                self.access.get(name),
                Some(NameAccess::Local | NameAccess::Cell)
            ) && !out.contains(name)
            {
                out.push(name.clone());
            }
        }
        out
    }
}

/// The analysed scopes of one module, looked up by the address of their AST node.
pub struct ScopeTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl ScopeTable {
    pub fn scope_of<T>(&self, node: &T) -> usize {
        self.by_node[&(node as *const T as usize)]
    }
}

pub fn analyze(module: &Module) -> Result<ScopeTable, SyntaxError> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "<module>", None)],
        by_node: HashMap::new(),
        current: 0,
    };
    b.visit_body(&module.body)?;
    b.resolve(0, &[])?;
    Ok(ScopeTable {
        scopes: b.scopes,
        by_node: b.by_node,
    })
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    current: usize,
}

impl Builder {
    fn usage(&mut self, name: &str) -> &mut Usage {
        let scope = &mut self.scopes[self.current];
        scope.usages.entry(name.to_string()).or_default()
    }

    fn bind(&mut self, name: &str) {
        self.usage(name).bound = true;
    }

    fn use_name(&mut self, name: &str) {
        self.usage(name).used = true;
        if name == "super" || name == "__class__" {
            let scope = &mut self.scopes[self.current];
            if matches!(scope.kind, ScopeKind::Function | ScopeKind::Lambda) {
                scope.needs_class_cell = true;
            }
        }
    }

    fn push_scope<T>(&mut self, node: &T, kind: ScopeKind, name: &str) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, Some(self.current)));
        self.scopes[self.current].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        let saved = self.current;
        self.current = id;
        saved
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        for stmt in body {
            self.visit_stmt(stmt)?;
        }
        Ok(())
    }

    fn declare(&mut self, names: &[String], global: bool, span: Span) -> Result<(), SyntaxError> {
        let kind = self.scopes[self.current].kind;
        for name in names {
            let u = *self.usage(name);
            let what = if global { "global" } else { "nonlocal" };
            if u.param {
                return Err(SyntaxError::new(
                    SyntaxErrorKind::SyntaxError,
                    format!("name '{name}' is parameter and {what}"),
                    span,
                ));
            }
            if u.used || u.bound {
                let how = if u.bound {
                    "assigned to before"
                } else {
                    "used prior to"
                };
                return Err(SyntaxError::new(
                    SyntaxErrorKind::SyntaxError,
                    format!("name '{name}' is {how} {what} declaration"),
                    span,
                ));
            }
            if !global && kind == ScopeKind::Module {
                return Err(SyntaxError::new(
                    SyntaxErrorKind::SyntaxError,
                    "nonlocal declaration not allowed at module level",
                    span,
                ));
            }
            if (global && u.nonlocal) || (!global && u.global) {
                return Err(SyntaxError::new(
                    SyntaxErrorKind::SyntaxError,
                    format!("name '{name}' is nonlocal and global"),
                    span,
                ));
            }
            let u = self.usage(name);
            if global {
                u.global = true;
            } else {
                u.nonlocal = true;
            }
        }
        Ok(())
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> Result<(), SyntaxError> {
        match &stmt.kind {
            StmtKind::Expr(e) => self.visit_expr(e)?,
            StmtKind::Assign { targets, value } => {
                self.visit_expr(value)?;
                for t in targets {
                    self.visit_target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.visit_target(target)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                self.visit_expr(annotation)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                    self.visit_target(target)?;
                } else if let ExprKind::Name(n) = &target.kind {
                    // `x: int` alone makes x local without binding it.
                    self.usage(n).bound = true;
                } else {
                    self.visit_target(target)?;
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.visit_target(t)?;
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.visit_expr(iter)?;
                self.visit_target(target)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::FunctionDef(def) => {
                for d in &def.decorators {
                    self.visit_expr(d)?;
                }
                self.visit_param_defaults(&def.params)?;
                if let Some(r) = &def.returns {
                    self.visit_expr(r)?;
                }
                self.bind(&def.name);
                let saved = self.push_scope(def.as_ref(), ScopeKind::Function, &def.name);
                self.scopes[self.current].is_async = def.is_async;
                self.visit_params(&def.params)?;
                self.visit_body(&def.body)?;
                self.current = saved;
            }
            StmtKind::ClassDef(class) => {
                for d in &class.decorators {
                    self.visit_expr(d)?;
                }
                for b in &class.bases {
                    self.visit_expr(b)?;
                }
                for k in &class.keywords {
                    self.visit_expr(&k.value)?;
                }
                self.bind(&class.name);
                let saved = self.push_scope(class.as_ref(), ScopeKind::Class, &class.name);
                self.visit_body(&class.body)?;
                self.current = saved;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.visit_body(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.visit_expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(orelse)?;
                self.visit_body(finalbody)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = cause {
                    self.visit_expr(c)?;
                }
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.visit_expr(&item.context)?;
                    if let Some(t) = &item.target {
                        self.visit_target(t)?;
                    }
                }
                self.visit_body(body)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = match &a.asname {
                        Some(n) => n.clone(),
                        None => a.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(&bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.scopes[self.current].kind != ScopeKind::Module {
                            return Err(SyntaxError::new(
                                SyntaxErrorKind::SyntaxError,
                                "import * only allowed at module level",
                                stmt.span,
                            ));
                        }
                        continue;
                    }
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.bind(&bound);
                }
            }
            StmtKind::Global(names) => self.declare(names, true, stmt.span)?,
            StmtKind::Nonlocal(names) => self.declare(names, false, stmt.span)?,
        }
        Ok(())
    }

    fn visit_param_defaults(&mut self, params: &Parameters) -> Result<(), SyntaxError> {
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg);
        for p in all {
            if let Some(d) = &p.default {
                self.visit_expr(d)?;
            }
            if let Some(a) = &p.annotation {
                self.visit_expr(a)?;
            }
        }
        Ok(())
    }

    fn visit_params(&mut self, params: &Parameters) -> Result<(), SyntaxError> {
        let mut names = Vec::new();
        for p in params.posonly.iter().chain(&params.args) {
            names.push((p.name.clone(), p.span));
        }
        for p in &params.kwonly {
            names.push((p.name.clone(), p.span));
        }
        if let Some(p) = &params.vararg {
            names.push((p.name.clone(), p.span));
        }
        if let Some(p) = &params.kwarg {
            names.push((p.name.clone(), p.span));
        }
        // CPython's co_varnames order: positional, keyword-only, *args, **kwargs.
        let mut ordered = Vec::new();
        for p in params.posonly.iter().chain(&params.args) {
            ordered.push(p.name.clone());
        }
        for p in &params.kwonly {
            ordered.push(p.name.clone());
        }
        if let Some(p) = &params.vararg {
            ordered.push(p.name.clone());
        }
        if let Some(p) = &params.kwarg {
            ordered.push(p.name.clone());
        }
        for (name, span) in names {
            let u = self.usage(&name);
            if u.param {
                return Err(SyntaxError::new(
                    SyntaxErrorKind::SyntaxError,
                    format!("duplicate argument '{name}' in function definition"),
                    span,
                ));
            }
            u.param = true;
            u.bound = true;
        }
        self.scopes[self.current].params = ordered;
        Ok(())
    }

    fn visit_target(&mut self, target: &Expr) -> Result<(), SyntaxError> {
        match &target.kind {
            ExprKind::Name(n) => {
                self.bind(n);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.visit_target(i)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.visit_target(inner),
            _ => self.visit_expr(target),
        }
    }

    fn visit_comprehension<T>(
        &mut self,
        node: &T,
        name: &str,
        generators: &[Comprehension],
        elts: &[&Expr],
    ) -> Result<(), SyntaxError> {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = generators.first() {
            self.visit_expr(&first.iter)?;
        }
        let saved = self.push_scope(node, ScopeKind::Comprehension, name);
        // `.0` is the implicit parameter holding the first iterator.
        self.scopes[self.current].params = vec![".0".to_string()];
        self.usage(".0").param = true;
        self.usage(".0").bound = true;
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.visit_expr(&g.iter)?;
            }
            self.visit_target(&g.target)?;
            for cond in &g.ifs {
                self.visit_expr(cond)?;
            }
            if g.is_async {
                self.scopes[self.current].is_async = true;
            }
        }
        for e in elts {
            self.visit_expr(e)?;
        }
        self.current = saved;
        Ok(())
    }

    fn visit_expr(&mut self, expr: &Expr) -> Result<(), SyntaxError> {
        match &expr.kind {
            ExprKind::Name(n) => self.use_name(n),
            ExprKind::Constant(_) => {}
            ExprKind::JoinedStr(parts) => self.visit_fstring(parts)?,
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                for i in items {
                    self.visit_expr(i)?;
                }
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values) {
                    if let Some(k) = k {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(v)?;
                }
            }
            ExprKind::Starred(e) | ExprKind::Attribute { value: e, .. } => self.visit_expr(e)?,
            ExprKind::Subscript { value, index } => {
                self.visit_expr(value)?;
                self.visit_expr(index)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                for e in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(e)?;
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                for a in args {
                    self.visit_expr(a)?;
                }
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.visit_expr(v)?;
                }
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                for c in comparators {
                    self.visit_expr(c)?;
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Lambda { params, body } => {
                self.visit_param_defaults(params)?;
                let saved = self.push_scope(expr, ScopeKind::Lambda, "<lambda>");
                self.visit_params(params)?;
                self.visit_expr(body)?;
                self.current = saved;
            }
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    // A walrus in a comprehension binds in the nearest enclosing non-comprehension
                    // scope (PEP 572).
                    let mut scope = self.current;
                    while self.scopes[scope].kind == ScopeKind::Comprehension {
                        let u = self.scopes[scope].usages.entry(n.clone()).or_default();
                        u.walrus_in_comprehension = true;
                        u.used = true;
                        scope = self.scopes[scope].parent.unwrap_or(0);
                    }
                    if self.scopes[scope].kind == ScopeKind::Class && scope != self.current {
                        return Err(SyntaxError::new(
                            SyntaxErrorKind::SyntaxError,
                            "assignment expression within a comprehension cannot be used in a class body",
                            expr.span,
                        ));
                    }
                    let u = self.scopes[scope].usages.entry(n.clone()).or_default();
                    u.bound = true;
                }
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                let name = if matches!(expr.kind, ExprKind::ListComp { .. }) {
                    "<listcomp>"
                } else {
                    "<setcomp>"
                };
                self.visit_comprehension(expr, name, generators, &[elt])?;
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.visit_comprehension(expr, "<genexpr>", generators, &[elt])?;
                let id = self.by_node[&(expr as *const Expr as usize)];
                self.scopes[id].is_generator = true;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.visit_comprehension(expr, "<dictcomp>", generators, &[key, value])?;
            }
            ExprKind::Await(e) => {
                self.scopes[self.current].is_async |=
                    self.scopes[self.current].kind == ScopeKind::Comprehension;
                self.visit_expr(e)?;
            }
            ExprKind::Yield(v) => {
                self.mark_generator();
                if let Some(v) = v {
                    self.visit_expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.mark_generator();
                self.visit_expr(v)?;
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self) {
        let scope = &mut self.scopes[self.current];
        if matches!(scope.kind, ScopeKind::Function | ScopeKind::Lambda) {
            scope.is_generator = true;
        }
    }

    fn visit_fstring(&mut self, parts: &[FStringPart]) -> Result<(), SyntaxError> {
        for p in parts {
            if let FStringPart::Expr {
                value, format_spec, ..
            } = p
            {
                self.visit_expr(value)?;
                if let Some(spec) = format_spec {
                    self.visit_fstring(spec)?;
                }
            }
        }
        Ok(())
    }

    /// Decides every name's access, children first so that free variables propagate outwards
    /// into cells. `enclosing` lists the names bound in enclosing function scopes.
    fn resolve(&mut self, id: usize, enclosing: &[(usize, String)]) -> Result<(), SyntaxError> {
        let kind = self.scopes[id].kind;
        let is_function = matches!(
            kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        );
        let mut access = HashMap::new();
        for (name, u) in self.scopes[id].usages.iter() {
            let a = if u.global {
                NameAccess::Global
            } else if u.nonlocal {
                NameAccess::Free
            } else if kind == ScopeKind::Module {
                NameAccess::Global
            } else if u.bound && !(u.walrus_in_comprehension && kind == ScopeKind::Comprehension) {
                if kind == ScopeKind::Class {
                    NameAccess::Namespace
                } else {
                    NameAccess::Local
                }
            } else if enclosing.iter().any(|(_, n)| n == name) {
                if kind == ScopeKind::Class {
                    NameAccess::ClassFree
                } else {
                    NameAccess::Free
                }
            } else if kind == ScopeKind::Class {
                NameAccess::Namespace
            } else {
                NameAccess::Global
            };
            access.insert(name.clone(), a);
        }
        // Nonlocal declarations must find a binding.
        for (name, u) in self.scopes[id].usages.iter() {
            if u.nonlocal && !enclosing.iter().any(|(_, n)| n == name) {
                return Err(SyntaxError::new(
                    SyntaxErrorKind::SyntaxError,
                    format!("no binding for nonlocal '{name}' found"),
                    Span::default(),
                ));
            }
        }
        let needs_class_cell = self.scopes[id].needs_class_cell;
        // Only a function inside a class gets the implicit `__class__` cell (zero-arg super()).
        if needs_class_cell && is_function && enclosing.iter().any(|(_, n)| n == "__class__") {
            access.insert("__class__".to_string(), NameAccess::Free);
        }
        self.scopes[id].access = access;

        // Names visible to children: our locals (if we are a function) plus what we see.
        let mut visible: Vec<(usize, String)> = enclosing.to_vec();
        if is_function {
            for (name, a) in self.scopes[id].access.iter() {
                if matches!(a, NameAccess::Local | NameAccess::Cell) {
                    visible.push((id, name.clone()));
                }
            }
        }
        if kind == ScopeKind::Class {
            // Methods see `__class__` as a cell of the class body.
            visible.push((id, "__class__".to_string()));
        }
        let children = self.scopes[id].children.clone();
        for child in children {
            self.resolve(child, &visible)?;
            // Free variables of the child (and of its children) make cells here or pass through.
            let child_free: Vec<String> = self.scopes[child]
                .access
                .iter()
                .filter(|(_, a)| matches!(a, NameAccess::Free | NameAccess::ClassFree))
                .map(|(n, _)| n.clone())
                .chain(self.scopes[child].freevars.iter().cloned())
                .collect();
            for name in child_free {
                self.capture(id, &name);
            }
        }
        // Order cells and frees deterministically: params first, then by first use.
        let scope = &mut self.scopes[id];
        let passthrough = std::mem::take(&mut scope.freevars);
        let mut cells: Vec<String> = Vec::new();
        let mut frees: Vec<String> = Vec::new();
        for name in scope.params.iter().chain(scope.usages.keys()) {
            match scope.access.get(name) {
                Some(NameAccess::Cell) if !cells.contains(name) => cells.push(name.clone()),
                Some(NameAccess::Free | NameAccess::ClassFree) if !frees.contains(name) => {
                    frees.push(name.clone())
                }
                _ => {}
            }
        }
        if kind == ScopeKind::Class
            && scope.access.get("__class__") == Some(&NameAccess::Cell)
            && !cells.iter().any(|c| c == "__class__")
        {
            cells.push("__class__".to_string());
        }
        for (name, a) in scope.access.iter() {
            match a {
                NameAccess::Free | NameAccess::ClassFree if !frees.contains(name) => {
                    frees.push(name.clone())
                }
                NameAccess::Cell if !cells.contains(name) => cells.push(name.clone()),
                _ => {}
            }
        }
        for name in passthrough {
            if !frees.contains(&name) {
                frees.push(name);
            }
        }
        scope.cellvars = cells;
        frees.sort_by_key(|n| scope.usages.get_index_of(n).unwrap_or(usize::MAX));
        scope.freevars = frees;
        Ok(())
    }

    /// A child needs `name` from an enclosing scope: make it a cell if it is ours, or a free
    /// variable passing through if it comes from further out.
    fn capture(&mut self, id: usize, name: &str) {
        let kind = self.scopes[id].kind;
        let scope = &mut self.scopes[id];
        match scope.access.get(name).copied() {
            Some(NameAccess::Local) => {
                scope.access.insert(name.to_string(), NameAccess::Cell);
            }
            Some(NameAccess::Cell | NameAccess::Free | NameAccess::ClassFree) => {}
            Some(NameAccess::Namespace) | Some(NameAccess::Global) | None => {
                if kind == ScopeKind::Class && name == "__class__" {
                    scope.access.insert(name.to_string(), NameAccess::Cell);
                } else if kind == ScopeKind::Class {
                    // A method's free variable that the class body itself does not bind
                    // passes through the class from an enclosing function.
                    if !scope.freevars.iter().any(|n| n == name) {
                        scope.freevars.push(name.to_string());
                    }
                } else if kind != ScopeKind::Module {
                    scope.access.insert(name.to_string(), NameAccess::Free);
                }
            }
        }
    }
}
