//! The TL grammar as nom combinators, one function per rule.
//!
//! ```text
//! definition  ::= full-name id? type-param* param* "?"? "=" result-type ";"
//! id          ::= "#" hex-digit{1,8}
//! type-param  ::= "{" ident ":" type-term "}"
//! param       ::= "#" | repetition | ident ":" param-type | type-term
//! param-type  ::= "#" | flag-ref type-term | "!" type-term | repetition | type-term
//! flag-ref    ::= ident "." digits "?"
//! repetition  ::= (multiplier "*")? "[" param* "]"
//! type-term   ::= "%"? ( "(" type-term+ ")" | full-name ("<" type-term ("," type-term)* ">")? | "#" )
//! result-type ::= full-name ( "<" type-term ("," type-term)* ">" | (" " type-term)* )
//! ```
//!
//! Whitespace, including newlines and `//` comments, may separate any two tokens;
//! TON writes definitions over several lines with comments between arguments.

use crate::ast::{
    DeclaredId, FlagRef, Ident, Multiplier, Param, ParamType, TypeExpr, TypeParam, TypeSyntax,
};
use crate::name::Name;
use crate::scan::{
    alphanumeric_end, hex_value, ident_end, is_ident_byte, is_ident_start, name_end,
};
use crate::span::Span;
use nom::{
    branch::alt,
    bytes::complete::{tag, take_till, take_while1},
    character::complete::char,
    combinator::opt,
    error::{ErrorKind, ParseError},
    Err, IResult, Offset,
};

/// Why a definition failed to parse: what was expected, and where.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SyntaxError<'s> {
    /// The input where the parser gave up.
    pub at: &'s str,
    /// What would have been valid there (`"a type"`, "`;`").
    pub expected: &'static str,
}

impl<'s> ParseError<&'s str> for SyntaxError<'s> {
    fn from_error_kind(input: &'s str, _: ErrorKind) -> Self {
        SyntaxError {
            at: input,
            expected: "",
        }
    }

    fn append(_: &'s str, _: ErrorKind, other: Self) -> Self {
        other
    }

    /// Keeps the error that got furthest, the most useful one to report.
    fn or(self, other: Self) -> Self {
        if other.at.len() < self.at.len() || self.expected.is_empty() {
            other
        } else {
            self
        }
    }
}

pub(crate) type Res<'s, T> = IResult<&'s str, T, SyntaxError<'s>>;

/// A parsed definition before ids, docs and sections are attached.
#[derive(Debug)]
pub(crate) struct RawDefinition<'s> {
    pub name: Ident,
    pub id: Option<RawId<'s>>,
    pub type_params: Vec<TypeParam>,
    /// The definition's range of the parameter buffer.
    pub params: core::ops::Range<usize>,
    pub builtin: bool,
    pub result: TypeExpr,
}

/// The text after `#`, checked later so that a bad id is a diagnostic of its own.
#[derive(Debug)]
pub(crate) struct RawId<'s> {
    pub digits: &'s str,
    pub span: Span,
}

impl RawId<'_> {
    /// The id, if the digits are 1 to 8 hex digits.
    pub fn value(&self) -> Option<DeclaredId> {
        let value = hex_value(self.digits.as_bytes())?;
        Some(DeclaredId {
            value,
            span: self.span,
        })
    }
}

/// Turns a failure into one that names what was expected and stops alternatives.
fn expect<'s, O>(
    expected: &'static str,
    mut p: impl FnMut(&'s str) -> Res<'s, O>,
) -> impl FnMut(&'s str) -> Res<'s, O> {
    move |i| p(i).map_err(|e| expected_at(expected, i, e))
}

/// The failure [`expect`] makes of `e`, an error of a rule tried at `i`: the
/// rule's own error if it got past `i` and says what it wanted, else "expected
/// `expected`" at `i`.
#[cold]
fn expected_at<'s>(
    expected: &'static str,
    i: &'s str,
    e: Err<SyntaxError<'s>>,
) -> Err<SyntaxError<'s>> {
    match e {
        Err::Error(e) if e.expected.is_empty() || e.at.len() >= i.len() => {
            Err::Failure(SyntaxError { at: i, expected })
        }
        Err::Error(e) => Err::Failure(e),
        other => other,
    }
}

/// A plain failure at `at` that names nothing expected, as nom's own
/// primitives report it (alternatives may still be tried).
#[inline]
fn fail<'s, T>(at: &'s str) -> Res<'s, T> {
    Err(Err::Error(SyntaxError { at, expected: "" }))
}

/// Skips spaces, newlines and `//` comments.
#[inline]
pub(crate) fn ws(i: &str) -> Res<'_, ()> {
    let b = i.as_bytes();
    // Most calls find a token straight away.
    if !matches!(b.first(), Some(b' ' | b'\t' | b'\r' | b'\n' | b'/')) {
        return Ok((i, ()));
    }
    let mut n = 0;
    loop {
        while n < b.len() && matches!(b[n], b' ' | b'\t' | b'\r' | b'\n') {
            n += 1;
        }
        if b.len() > n + 1 && b[n] == b'/' && b[n + 1] == b'/' {
            // At the end of the input, keep an empty slice *of the input* so
            // that offsets computed from it stay valid.
            n += 2;
            n = b[n..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |p| n + p);
        } else {
            return Ok((&i[n..], ()));
        }
    }
}

/// [`ws`] as a plain function: it never fails.
#[inline]
fn skip_ws(i: &str) -> &str {
    match ws(i) {
        Ok((r, ())) => r,
        Err(_) => i,
    }
}

/// Skips spaces and tabs only: arguments of a result type stay on its line.
#[inline]
fn hs(i: &str) -> Res<'_, ()> {
    let n = i
        .as_bytes()
        .iter()
        .position(|&c| c != b' ' && c != b'\t')
        .unwrap_or(i.len());
    Ok((&i[n..], ()))
}

/// `#` as a type: not followed by a name character (`a:#b` is not `a:# b`).
#[inline]
fn nat_sign(i: &str) -> Res<'_, char> {
    match i.as_bytes() {
        [b'#', rest @ ..] => {
            if rest.first().is_some_and(|&c| is_ident_byte(c)) {
                Err(Err::Error(SyntaxError {
                    at: &i[1..],
                    expected: "a space after `#`",
                }))
            } else {
                Ok((&i[1..], '#'))
            }
        }
        _ => fail(i),
    }
}

/// `[A-Za-z_][A-Za-z0-9_]*`, as a slice of the input (nothing is allocated, so
/// trying it speculatively costs only the scan).
#[inline]
fn ident_str(i: &str) -> Res<'_, &str> {
    let b = i.as_bytes();
    if !b.first().is_some_and(|&c| is_ident_start(c)) {
        return fail(i);
    }
    let n = ident_end(b, 1);
    Ok((&i[n..], &i[..n]))
}

/// `ns.sub.name`: identifiers joined by dots, as a slice. A dot not followed by
/// an identifier is left in the input.
#[inline]
fn full_name_str(i: &str) -> Res<'_, &str> {
    let b = i.as_bytes();
    if !b.first().is_some_and(|&c| is_ident_start(c)) {
        return fail(i);
    }
    let n = name_end(b, 1);
    Ok((&i[n..], &i[..n]))
}

/// One or more ASCII digits.
#[inline]
fn digits(i: &str) -> Res<'_, &str> {
    let n = i
        .as_bytes()
        .iter()
        .position(|c| !c.is_ascii_digit())
        .unwrap_or(i.len());
    if n == 0 {
        return fail(i);
    }
    Ok((&i[n..], &i[..n]))
}

/// How deeply types and repetitions may nest. Real schemas nest three levels
/// (`Vector<Vector<TlsBlock>>`); the limit keeps hostile text from
/// overflowing the stack.
const MAX_NESTING: u32 = 64;

pub(crate) struct Grammar<'s> {
    src: &'s str,
    /// A copy of `src` that every [`Name`] read is a range of.
    shared: std::sync::Arc<str>,
    depth: core::cell::Cell<u32>,
    /// The parameters of every definition parsed so far, in order: each
    /// definition's [`Params`](crate::Params) is a range of this buffer. A
    /// repetition's parameters sit on top while it is parsed and are moved
    /// out into a `Vec` of their own when it ends.
    params: core::cell::RefCell<Vec<Param>>,
}

impl<'s> Grammar<'s> {
    /// A grammar for `src`, with room for `params` parameters.
    pub(crate) fn new(src: &'s str, params: usize) -> Self {
        Grammar {
            src,
            shared: src.into(),
            depth: core::cell::Cell::new(0),
            params: core::cell::RefCell::new(Vec::with_capacity(params)),
        }
    }

    /// The parameters of every definition parsed, for [`Params`](crate::Params)
    /// ranges to point into.
    pub(crate) fn into_params(self) -> Vec<Param> {
        self.params.into_inner()
    }

    /// The span from the start of `from` to the start of `to`.
    #[inline]
    pub(crate) fn span(&self, from: &'s str, to: &'s str) -> Span {
        Span::new(self.src.offset(from), self.src.offset(to))
    }

    /// An identifier; its [`Name`] is built only once it has matched.
    fn ident(&self, i: &'s str) -> Res<'s, Ident> {
        let (rest, text) = ident_str(i)?;
        Ok((rest, self.ident_at(i, rest, text)))
    }

    /// The identifier `text`, a slice of the source, spanning `from` to `to`.
    #[inline]
    fn ident_at(&self, from: &'s str, to: &'s str, text: &'s str) -> Ident {
        Ident {
            text: Name::in_source(&self.shared, self.src.offset(text), text.len()),
            span: self.span(from, to),
        }
    }

    /// `ns.sub.name`: identifiers joined by dots.
    pub(crate) fn full_name(&self, i: &'s str) -> Res<'s, Ident> {
        let (rest, text) = full_name_str(i)?;
        Ok((rest, self.ident_at(i, rest, text)))
    }

    fn id(&self, i: &'s str) -> Res<'s, RawId<'s>> {
        let (r, _) = char('#')(i)?;
        let n = alphanumeric_end(r.as_bytes(), 0);
        let (digits, rest) = r.split_at(n);
        Ok((
            rest,
            RawId {
                digits,
                span: self.span(i, rest),
            },
        ))
    }

    /// `{X:Type}`
    fn type_param(&self, i: &'s str) -> Res<'s, TypeParam> {
        let (r, _) = char('{')(i)?;
        let (r, _) = ws(r)?;
        let (r, name) = expect("a type variable name", |i| self.ident(i))(r)?;
        let (r, _) = ws(r)?;
        let (r, _) = expect("`:`", char(':'))(r)?;
        let (r, _) = ws(r)?;
        let (r, kind) = expect("a kind such as `Type` or `#`", |i| self.type_term(i))(r)?;
        let (r, _) = ws(r)?;
        let (r, _) = expect("`}`", char('}'))(r)?;
        Ok((
            r,
            TypeParam {
                name,
                kind,
                span: self.span(i, r),
            },
        ))
    }

    /// One parameter of a definition or of a repetition.
    fn param(&self, i: &'s str) -> Res<'s, Param> {
        let b = i.as_bytes();
        let (r, name, ty) = if b.first().is_some_and(|&c| is_ident_start(c)) {
            // An identifier starts `name:type`, a multiplier `n*[ … ]` or an
            // anonymous type. The identifier is scanned once and the branch
            // chosen by what follows it; a failed alternative's error would be
            // replaced by the anonymous type's, so only that one is kept.
            let n = ident_end(b, 1);
            let name_end = &i[n..];
            let (after, _) = ws(name_end)?;
            if let Some(r) = after.strip_prefix(':') {
                let name = self.ident_at(i, name_end, &i[..n]);
                let (r, _) = ws(r)?;
                let (r, ty) = expect("a type", |i| self.param_type(i))(r)?;
                (r, Some(name), ty)
            } else if after.starts_with('*') {
                let (r, ty) = alt((
                    |i| self.repetition(i),
                    |i| {
                        let (r, ty) = self.type_term(i)?;
                        Ok((r, ParamType::Type { bang: false, ty }))
                    },
                ))(i)?;
                (r, None, ty)
            } else {
                let (r, ty) = self.type_term(i)?;
                (r, None, ParamType::Type { bang: false, ty })
            }
        } else {
            // `#`, `[ … ]`, `4*[ … ]`, `%T`, `(T …)`, or an error: try each rule
            // in turn, keeping the error that got furthest.
            let named = |i: &'s str| -> Res<'s, (Option<Ident>, ParamType)> { fail(i) };
            let nat = |i| {
                let (r, _) = nat_sign(i)?;
                Ok((r, (None, ParamType::Nat)))
            };
            let repeat = |i| {
                let (r, ty) = self.repetition(i)?;
                Ok((r, (None, ty)))
            };
            let anonymous = |i| {
                let (r, ty) = self.type_term(i)?;
                Ok((r, (None, ParamType::Type { bang: false, ty })))
            };
            let (r, (name, ty)) = alt((named, nat, repeat, anonymous))(i)?;
            (r, name, ty)
        };
        Ok((
            r,
            Param {
                name,
                ty,
                span: self.span(i, r),
            },
        ))
    }

    /// Parameters up to the first text that `end` accepts, pushed onto the
    /// parameter buffer; returns where they start in it. On an error the
    /// buffer is cut back to where it was.
    fn params_until(
        &self,
        mut r: &'s str,
        end: impl Fn(&str) -> bool,
        expected: &'static str,
    ) -> Res<'s, usize> {
        let base = self.params.borrow().len();
        loop {
            if end(r) {
                return Ok((r, base));
            }
            match self.param(r) {
                Ok((next, p)) => {
                    self.params.borrow_mut().push(p);
                    r = skip_ws(next);
                }
                Err(e) => {
                    self.params.borrow_mut().truncate(base);
                    return Err(expected_at(expected, r, e));
                }
            }
        }
    }

    /// What follows `name:`.
    fn param_type(&self, i: &'s str) -> Res<'s, ParamType> {
        // The common case, a type name (`int`, `Vector<User>`): a name not
        // followed by `.` (a flag reference: `flags.0?`) nor by `*` (a
        // repetition's multiplier). Neither `#`, a flag, `!` nor a
        // repetition can match there, and a failure of the repetition rule
        // would be dropped in favour of the type's own, so go straight to it.
        if let Ok((r, text)) = full_name_str(i) {
            if !r.starts_with('.') && !ws(r)?.0.starts_with('*') {
                let (r, ty) = self.type_term_after_name(i, r, text)?;
                return Ok((r, ParamType::Type { bang: false, ty }));
            }
        }
        if let Ok((r, _)) = nat_sign(i) {
            return Ok((r, ParamType::Nat));
        }
        if let Ok((r, flag)) = self.flag_ref(i) {
            let (r, ty) = expect("a type after the flag", |i| self.type_term(i))(r)?;
            return Ok((r, ParamType::Conditional { flag, ty }));
        }
        if let Ok((r, _)) = char::<_, SyntaxError<'s>>('!')(i) {
            let (r, ty) = expect("a type variable after `!`", |i| self.type_term(i))(r)?;
            return Ok((r, ParamType::Type { bang: true, ty }));
        }
        alt((
            |i| self.repetition(i),
            |i| {
                let (r, ty) = self.type_term(i)?;
                Ok((r, ParamType::Type { bang: false, ty }))
            },
        ))(i)
    }

    /// `flags.N?`
    fn flag_ref(&self, i: &'s str) -> Res<'s, FlagRef> {
        let (field_end, field) = ident_str(i)?;
        let (r, _) = char('.')(field_end)?;
        let (r, digits) = digits(r)?;
        let (r, _) = char('?')(r)?;
        Ok((
            r,
            FlagRef {
                field: self.ident_at(i, field_end, field),
                // Out-of-range bits are kept (saturated) so validation can report them.
                bit: parse_u32(digits),
                span: self.span(i, r),
            },
        ))
    }

    /// `[ t ]`, `4*[ int ]`, `n*[ … ]`
    fn repetition(&self, i: &'s str) -> Res<'s, ParamType> {
        self.nested(i, |i| self.repetition_inner(i))
    }

    fn repetition_inner(&self, i: &'s str) -> Res<'s, ParamType> {
        let multiplier = |i: &'s str| -> Res<'s, Multiplier> {
            let number = |i: &'s str| -> Res<'s, Multiplier> {
                let (r, n) = digits(i)?;
                Ok((r, Multiplier::Number(parse_u32(n))))
            };
            // The variable is matched as a slice and becomes an `Ident` only
            // once the `*` after it is found.
            let var = |i: &'s str| -> Res<'s, Multiplier> {
                let (r, v) = ident_str(i)?;
                let (r2, _) = ws(r)?;
                let (_, _) = char('*')(r2)?;
                Ok((r, Multiplier::Var(self.ident_at(i, r, v))))
            };
            let (r, m) = alt((number, var))(i)?;
            let (r, _) = ws(r)?;
            let (r, _) = char('*')(r)?;
            let (r, _) = ws(r)?;
            Ok((r, m))
        };
        let (r, count) = opt(multiplier)(i)?;
        let (r, _) = char('[')(r)?;
        let (r, base) =
            self.params_until(skip_ws(r), |r| r.starts_with(']'), "a parameter or `]`")?;
        let params = self.params.borrow_mut().split_off(base);
        Ok((&r[1..], ParamType::Repeat { count, params }))
    }

    /// Runs `f` one nesting level deeper, failing past [`MAX_NESTING`].
    #[inline]
    fn nested<T>(&self, i: &'s str, f: impl FnOnce(&'s str) -> Res<'s, T>) -> Res<'s, T> {
        if self.depth.get() >= MAX_NESTING {
            return Err(Err::Failure(SyntaxError {
                at: i,
                expected: "less nesting (at most 64 levels)",
            }));
        }
        self.depth.set(self.depth.get() + 1);
        let out = f(i);
        self.depth.set(self.depth.get() - 1);
        out
    }

    /// A type in argument position.
    fn type_term(&self, i: &'s str) -> Res<'s, TypeExpr> {
        match full_name_str(i) {
            Ok((r, text)) => self.type_term_after_name(i, r, text),
            Err(_) => self.nested(i, |i| self.type_term_inner(i)),
        }
    }

    /// A type in argument position that starts with the name `text`, already
    /// scanned up to `r`. A plain name (`true`, `int`, `storage.FileType`) is
    /// the most common term and nests nothing: it is built here, without the
    /// layers below and without scanning the name again.
    fn type_term_after_name(&self, i: &'s str, r: &'s str, text: &str) -> Res<'s, TypeExpr> {
        if r.starts_with('<') {
            return self.nested(i, |i| self.type_term_inner(i));
        }
        Ok((r, TypeExpr::named(self.ident_at(i, r, text))))
    }

    fn type_term_inner(&self, i: &'s str) -> Res<'s, TypeExpr> {
        let (r, bare) = opt(char('%'))(i)?;
        // A name can only be a named type (a `(` or `#` rule fails at once).
        let (r, mut ty) = if r.as_bytes().first().is_some_and(|&c| is_ident_start(c)) {
            self.named_type(r)?
        } else {
            alt((
                |i| self.paren_type(i),
                |i| self.named_type(i),
                |i| {
                    let (r, _) = nat_sign(i)?;
                    Ok((r, TypeExpr::named(self.ident_at(i, r, &i[..1]))))
                },
            ))(r)?
        };
        ty.bare = bare.is_some();
        ty.span = self.span(i, r);
        Ok((r, ty))
    }

    /// `(vector adnl.Message)`
    fn paren_type(&self, i: &'s str) -> Res<'s, TypeExpr> {
        let (r, _) = char('(')(i)?;
        let (r, _) = ws(r)?;
        let (r, name) = expect("a type name", |i| self.full_name(i))(r)?;
        let mut args = Vec::new();
        let (mut r, _) = ws(r)?;
        while !r.starts_with(')') {
            let (next, arg) = expect("a type or `)`", |i| self.type_term(i))(r)?;
            args.push(arg);
            r = ws(next)?.0;
        }
        let r = &r[1..];
        Ok((
            r,
            TypeExpr {
                name,
                bare: false,
                args,
                syntax: TypeSyntax::Paren,
                span: self.span(i, r),
            },
        ))
    }

    /// `Vector<User>` or a plain name.
    fn named_type(&self, i: &'s str) -> Res<'s, TypeExpr> {
        let (r, name) = self.full_name(i)?;
        let (r, args, syntax) = if r.starts_with('<') {
            let (r, args) = self.angle_args(r)?;
            (r, args, TypeSyntax::Angle)
        } else {
            (r, Vec::new(), TypeSyntax::Plain)
        };
        Ok((
            r,
            TypeExpr {
                name,
                bare: false,
                args,
                syntax,
                span: self.span(i, r),
            },
        ))
    }

    /// `<A>` or `<A, B>`
    fn angle_args(&self, i: &'s str) -> Res<'s, Vec<TypeExpr>> {
        let (r, _) = char('<')(i)?;
        let mut args = Vec::with_capacity(1);
        let mut r = r;
        loop {
            let (next, _) = ws(r)?;
            let (next, arg) = expect("a type argument", |i| self.type_term(i))(next)?;
            args.push(arg);
            let (next, _) = ws(next)?;
            if let Some(next) = next.strip_prefix(',') {
                r = next;
                continue;
            }
            let (next, _) = expect("`>` or `,`", tag(">"))(next)?;
            return Ok((next, args));
        }
    }

    /// The type after `=`: `Updates`, `Vector<User>`, `Vector t`, `X`.
    fn result_type(&self, i: &'s str) -> Res<'s, TypeExpr> {
        let (r, mut ty) = expect("a result type", |i| self.named_type(i))(i)?;
        if ty.args.is_empty() {
            // `many0(preceded(hs, type_term))` without its up-front allocation:
            // stop at the first plain failure, pass a hard one on.
            let mut args = Vec::new();
            let mut r2 = r;
            loop {
                let (after_hs, _) = hs(r2)?;
                // Only these can start a type (usually `;` follows): saves
                // failing through every type rule once per definition.
                if !after_hs
                    .as_bytes()
                    .first()
                    .is_some_and(|&c| is_ident_start(c) || matches!(c, b'%' | b'(' | b'#'))
                {
                    break;
                }
                match self.type_term(after_hs) {
                    Ok((next, arg)) => {
                        args.push(arg);
                        r2 = next;
                    }
                    Err(Err::Error(_)) => break,
                    Err(e) => return Err(e),
                }
            }
            if !args.is_empty() {
                ty.args = args;
                ty.span = self.span(i, r2);
                return Ok((r2, ty));
            }
        }
        Ok((r, ty))
    }

    /// A whole definition up to, not including, its `;`.
    pub(crate) fn definition(&self, i: &'s str) -> Res<'s, RawDefinition<'s>> {
        let (r, name) = expect("a definition name", |i| self.full_name(i))(i)?;
        let (r, id) = if r.starts_with('#') {
            let (r, id) = self.id(r)?;
            (r, Some(id))
        } else {
            (r, None)
        };
        if r.starts_with(|c: char| !c.is_whitespace() && !"={#?".contains(c)) {
            return Err(Err::Failure(SyntaxError {
                at: r,
                expected: "a space, `#id` or `=` after the name",
            }));
        }
        let (mut r, _) = ws(r)?;
        let mut type_params = Vec::new();
        while r.starts_with('{') {
            let (next, tp) = self.type_param(r)?;
            type_params.push(tp);
            r = ws(next)?.0;
        }
        let (r, base) = self.params_until(
            r,
            |r| r.starts_with(['=', '?', ';']) || r.is_empty(),
            "a parameter, `?` or `=`",
        )?;
        let params = base..self.params.borrow().len();
        let tail = |r| {
            let (r, builtin) = opt(char('?'))(r)?;
            let (r, _) = ws(r)?;
            let (r, _) = expect("`=`", char('='))(r)?;
            let (r, _) = ws(r)?;
            let (r, result) = self.result_type(r)?;
            Ok((r, (builtin.is_some(), result)))
        };
        let (r, (builtin, result)) = tail(r).inspect_err(|_| {
            // The definition is dropped: so are its parameters.
            self.params.borrow_mut().truncate(base);
        })?;
        Ok((
            r,
            RawDefinition {
                name,
                id,
                type_params,
                params,
                builtin,
                result,
            },
        ))
    }

    /// `---functions---`, `--- types ---`: returns the word between the dashes.
    pub(crate) fn section_marker(&self, i: &'s str) -> Res<'s, Ident> {
        let (r, _) = take_while1(|c| c == '-')(i)?;
        let (r, _) = hs(r)?;
        let (r, word) = take_till(|c: char| c == '-' || c.is_whitespace())(r)?;
        let word_ident = self.ident_at(r, r, word);
        let word_span = Span::new(self.src.offset(r) - word.len(), self.src.offset(r));
        let (r, _) = hs(r)?;
        let (r, _) = expect(
            "`---` closing the section marker",
            take_while1(|c| c == '-'),
        )(r)?;
        Ok((
            r,
            Ident {
                span: word_span,
                ..word_ident
            },
        ))
    }
}

/// Decimal digits as a `u32`, saturating at `u32::MAX` when out of range (as
/// `str::parse` followed by `unwrap_or(u32::MAX)` did).
#[inline]
fn parse_u32(digits: &str) -> u32 {
    let mut n: u32 = 0;
    for &c in digits.as_bytes() {
        match n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u32::from(c - b'0')))
        {
            Some(v) => n = v,
            None => return u32::MAX,
        }
    }
    n
}
