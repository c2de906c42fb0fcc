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
use crate::span::Span;
use nom::{
    branch::alt,
    bytes::complete::{tag, take_till, take_while, take_while1},
    character::complete::{char, digit1, satisfy},
    combinator::{opt, recognize},
    error::{ErrorKind, ParseError},
    multi::many0,
    sequence::{pair, preceded},
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
    pub params: Vec<Param>,
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
        let ok = (1..=8).contains(&self.digits.len())
            && self.digits.bytes().all(|b| b.is_ascii_hexdigit());
        ok.then(|| DeclaredId {
            value: u32::from_str_radix(self.digits, 16).unwrap_or_default(),
            span: self.span,
        })
    }
}

/// Turns a failure into one that names what was expected and stops alternatives.
fn expect<'s, O>(
    expected: &'static str,
    mut p: impl FnMut(&'s str) -> Res<'s, O>,
) -> impl FnMut(&'s str) -> Res<'s, O> {
    move |i| match p(i) {
        Err(Err::Error(e)) if e.expected.is_empty() || e.at.len() >= i.len() => {
            Err(Err::Failure(SyntaxError { at: i, expected }))
        }
        Err(Err::Error(e)) => Err(Err::Failure(e)),
        other => other,
    }
}

/// Skips spaces, newlines and `//` comments.
pub(crate) fn ws(mut i: &str) -> Res<'_, ()> {
    loop {
        i = i.trim_start_matches([' ', '\t', '\r', '\n']);
        match i.strip_prefix("//") {
            // At the end of the input, keep an empty slice *of the input* so
            // that offsets computed from it stay valid.
            Some(comment) => i = &comment[comment.find('\n').unwrap_or(comment.len())..],
            None => return Ok((i, ())),
        }
    }
}

/// Skips spaces and tabs only: arguments of a result type stay on its line.
fn hs(i: &str) -> Res<'_, ()> {
    let (i, _) = take_while(|c| c == ' ' || c == '\t')(i)?;
    Ok((i, ()))
}

/// `#` as a type: not followed by a name character (`a:#b` is not `a:# b`).
fn nat_sign(i: &str) -> Res<'_, char> {
    let (r, c) = char('#')(i)?;
    if r.starts_with(is_ident_char) {
        return Err(Err::Error(SyntaxError {
            at: r,
            expected: "a space after `#`",
        }));
    }
    Ok((r, c))
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// How deeply types and repetitions may nest. Real schemas nest three levels
/// (`Vector<Vector<TlsBlock>>`); the limit keeps hostile text from
/// overflowing the stack.
const MAX_NESTING: u32 = 64;

pub(crate) struct Grammar<'s> {
    src: &'s str,
    depth: core::cell::Cell<u32>,
}

impl<'s> Grammar<'s> {
    pub(crate) fn new(src: &'s str) -> Self {
        Grammar {
            src,
            depth: core::cell::Cell::new(0),
        }
    }

    /// The span from the start of `from` to the start of `to`.
    pub(crate) fn span(&self, from: &'s str, to: &'s str) -> Span {
        Span::new(self.src.offset(from), self.src.offset(to))
    }

    fn ident(&self, i: &'s str) -> Res<'s, Ident> {
        let (rest, text) = recognize(pair(
            satisfy(|c| c.is_ascii_alphabetic() || c == '_'),
            take_while(is_ident_char),
        ))(i)?;
        Ok((rest, self.ident_at(i, rest, text)))
    }

    fn ident_at(&self, from: &'s str, to: &'s str, text: &str) -> Ident {
        Ident {
            text: text.to_string(),
            span: self.span(from, to),
        }
    }

    /// `ns.sub.name`: identifiers joined by dots.
    pub(crate) fn full_name(&self, i: &'s str) -> Res<'s, Ident> {
        let segment = |i| {
            recognize(pair(
                satisfy(|c| c.is_ascii_alphabetic() || c == '_'),
                take_while(is_ident_char),
            ))(i)
        };
        let (rest, text) = recognize(pair(segment, many0(preceded(char('.'), segment))))(i)?;
        Ok((rest, self.ident_at(i, rest, text)))
    }

    fn id(&self, i: &'s str) -> Res<'s, RawId<'s>> {
        let (rest, digits) =
            preceded(char('#'), take_while(|c: char| c.is_ascii_alphanumeric()))(i)?;
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
        let named = |i: &'s str| {
            let (r, name) = self.ident(i)?;
            let (r, _) = ws(r)?;
            let (r, _) = char(':')(r)?;
            let (r, _) = ws(r)?;
            let (r, ty) = expect("a type", |i| self.param_type(i))(r)?;
            Ok((r, (Some(name), ty)))
        };
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
        Ok((
            r,
            Param {
                name,
                ty,
                span: self.span(i, r),
            },
        ))
    }

    /// What follows `name:`.
    fn param_type(&self, i: &'s str) -> Res<'s, ParamType> {
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
        let (r, field) = self.ident(i)?;
        let (r, _) = char('.')(r)?;
        let (r, digits) = digit1(r)?;
        let (r, _) = char('?')(r)?;
        Ok((
            r,
            FlagRef {
                field,
                // Out-of-range bits are kept (saturated) so validation can report them.
                bit: digits.parse().unwrap_or(u32::MAX),
                span: self.span(i, r),
            },
        ))
    }

    /// `[ t ]`, `4*[ int ]`, `n*[ … ]`
    fn repetition(&self, i: &'s str) -> Res<'s, ParamType> {
        self.nested(i, |i| self.repetition_inner(i))
    }

    fn repetition_inner(&self, i: &'s str) -> Res<'s, ParamType> {
        let multiplier = |i: &'s str| {
            let number = |i: &'s str| -> Res<'s, Multiplier> {
                let (r, n) = digit1(i)?;
                Ok((r, Multiplier::Number(n.parse().unwrap_or(u32::MAX))))
            };
            let var = |i: &'s str| -> Res<'s, Multiplier> {
                let (r, v) = self.ident(i)?;
                Ok((r, Multiplier::Var(v)))
            };
            let (r, m) = alt((number, var))(i)?;
            let (r, _) = ws(r)?;
            let (r, _) = char('*')(r)?;
            let (r, _) = ws(r)?;
            Ok((r, m))
        };
        let (r, count) = opt(multiplier)(i)?;
        let (r, _) = char('[')(r)?;
        let mut params = Vec::new();
        let (mut r, _) = ws(r)?;
        while !r.starts_with(']') {
            let (next, p) = expect("a parameter or `]`", |i| self.param(i))(r)?;
            params.push(p);
            r = ws(next)?.0;
        }
        Ok((&r[1..], ParamType::Repeat { count, params }))
    }

    /// Runs `f` one nesting level deeper, failing past [`MAX_NESTING`].
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
        self.nested(i, |i| self.type_term_inner(i))
    }

    fn type_term_inner(&self, i: &'s str) -> Res<'s, TypeExpr> {
        let (r, bare) = opt(char('%'))(i)?;
        let (r, mut ty) = alt((
            |i| self.paren_type(i),
            |i| self.named_type(i),
            |i| {
                let (r, _) = nat_sign(i)?;
                Ok((r, TypeExpr::named(self.ident_at(i, r, "#"))))
            },
        ))(r)?;
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
        let (r, args) = opt(|i| self.angle_args(i))(r)?;
        let syntax = if args.is_some() {
            TypeSyntax::Angle
        } else {
            TypeSyntax::Plain
        };
        Ok((
            r,
            TypeExpr {
                name,
                bare: false,
                args: args.unwrap_or_default(),
                syntax,
                span: self.span(i, r),
            },
        ))
    }

    /// `<A>` or `<A, B>`
    fn angle_args(&self, i: &'s str) -> Res<'s, Vec<TypeExpr>> {
        let (r, _) = char('<')(i)?;
        let mut args = Vec::new();
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
            let (r2, args) = many0(preceded(hs, |i| self.type_term(i)))(r)?;
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
        let (r, id) = opt(|i| self.id(i))(r)?;
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
        let mut params = Vec::new();
        while !r.starts_with(['=', '?', ';']) && !r.is_empty() {
            let (next, p) = expect("a parameter, `?` or `=`", |i| self.param(i))(r)?;
            params.push(p);
            r = ws(next)?.0;
        }
        let (r, builtin) = opt(char('?'))(r)?;
        let (r, _) = ws(r)?;
        let (r, _) = expect("`=`", char('='))(r)?;
        let (r, _) = ws(r)?;
        let (r, result) = self.result_type(r)?;
        Ok((
            r,
            RawDefinition {
                name,
                id,
                type_params,
                params,
                builtin: builtin.is_some(),
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
