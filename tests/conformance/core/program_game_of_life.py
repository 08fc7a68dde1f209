def step(cells):
    counts = {}
    for (r, c) in cells:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = (r + dr, c + dc)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in cells)}
def render(cells, rows, cols):
    return "\n".join("".join("#" if (r, c) in cells else "." for c in range(cols)) for r in range(rows))
glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
state = glider
for gen in range(4):
    print(f"generation {gen}: {len(state)} cells")
    print(render(state, 5, 6))
    state = step(state)
blinker = {(1, 0), (1, 1), (1, 2)}
print(sorted(step(blinker)), step(step(blinker)) == blinker)
