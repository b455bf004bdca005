#!/usr/bin/env python3
"""Where a WebAssembly module's code bytes go: each function body's size,
named from the module's name section, summed by crate (the first crate of a
v0-mangled Rust symbol) and listed largest first.

Run on the main module as wasm-split-cli leaves it, before wasm-bindgen and
wasm-opt strip the names (scripts/build keeps it at
$CARGO_TARGET_DIR/wasm-bindgen/release/.split/treaty-map.wasm):

    python3 scripts/wasm-sizes.py MODULE.wasm [--top N] [--prefix PATH]

--prefix keeps the functions whose demangled path starts with PATH (for
example treaty_map::view) and sums them by their next path segment.
Sizes are code bytes before optimisation: a guide to what to cut, not the
gzipped figure scripts/size reports."""
import sys, re, collections, subprocess

def uleb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i

def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]; i += 1
        n, i = uleb(b, i)
        yield sid, b[i:i + n]
        i += n

def imported_functions(sec):
    n, i = uleb(sec, 0); count = 0
    for _ in range(n):
        for _ in range(2):
            l, i = uleb(sec, i); i += l
        kind = sec[i]; i += 1
        if kind == 0: _, i = uleb(sec, i); count += 1
        elif kind == 1: i += 1; f, i = uleb(sec, i); _, i = uleb(sec, i); i = uleb(sec, i)[1] if f & 1 else i
        elif kind == 2: f, i = uleb(sec, i); _, i = uleb(sec, i); i = uleb(sec, i)[1] if f & 1 else i
        elif kind == 3: i += 2
        elif kind == 4: i += 1; _, i = uleb(sec, i)
    return count

def demangle(syms):
    """Rust symbols demangled by llvm-cxxfilt (Debian's llvm package), which
    reads both v0 (`_R…`) and legacy (`_ZN…E`) mangling."""
    out = subprocess.run(['llvm-cxxfilt'], input='\n'.join(syms), capture_output=True, text=True, check=True).stdout
    return out.split('\n')[:len(syms)]

def path(name):
    """The path of a demangled name, its generic arguments and hash dropped:
    `<a::B as c::D>::f` gives [a, B, f]."""
    name = re.sub(r'::h[0-9a-f]{16}$', '', name)
    name = re.sub(r'\[[0-9a-f]+\]', '', name)
    if name.startswith('<'):
        depth, i = 0, 0
        for i, ch in enumerate(name):
            depth += ch == '<'; depth -= ch == '>'
            if depth == 0: break
        inner, rest = name[1:i], name[i + 1:]
        inner = inner.split(' as ')[0]
        name = inner + rest
    depth, clean = 0, ''
    for ch in name:
        if ch == '<': depth += 1
        elif ch == '>': depth -= 1
        elif depth == 0: clean += ch
    return [p for p in clean.split('::') if p]

def main():
    args = sys.argv[1:]
    top = int(args[args.index('--top') + 1]) if '--top' in args else 40
    prefix = args[args.index('--prefix') + 1].split('::') if '--prefix' in args else None
    b = open(args[0], 'rb').read()
    imports, bodies, names = 0, [], {}
    for sid, sec in sections(b):
        if sid == 2: imports = imported_functions(sec)
        elif sid == 10:
            n, i = uleb(sec, 0)
            for _ in range(n):
                l, i = uleb(sec, i); bodies.append(l); i += l
        elif sid == 0:
            l, i = uleb(sec, 0)
            if sec[i:i + l] != b'name': continue
            i += l
            while i < len(sec):
                kind = sec[i]; i += 1
                size, i = uleb(sec, i); end = i + size
                if kind == 1:
                    n, j = uleb(sec, i)
                    for _ in range(n):
                        idx, j = uleb(sec, j); l, j = uleb(sec, j)
                        names[idx] = sec[j:j + l].decode('utf-8', 'replace'); j += l
                i = end
    syms = [names.get(imports + k, f'func{imports + k}') for k in range(len(bodies))]
    by, funcs, total = collections.Counter(), [], 0
    for size, sym in zip(bodies, demangle(syms)):
        p = path(sym)
        if prefix is not None:
            if p[:len(prefix)] != prefix: continue
            key = p[len(prefix)] if len(p) > len(prefix) else '(itself)'
        else:
            key = p[0] if p else sym
        if key.startswith('__wbindgen_describe'): continue
        by[key] += size; total += size
        funcs.append((size, '::'.join(p) or sym))
    print(f'{total} code bytes in {len(funcs)} functions')
    for k, v in by.most_common(top): print(f'{v:>9}  {k}')
    print('\nlargest functions:')
    for size, name in sorted(funcs, reverse=True)[:top]: print(f'{size:>9}  {name[:150]}')

main()
