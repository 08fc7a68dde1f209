graph = {
    "A": {"B": 4, "C": 2},
    "B": {"C": 5, "D": 10},
    "C": {"E": 3},
    "D": {"F": 11},
    "E": {"D": 4},
    "F": {},
}
def bfs(start):
    order, queue, seen = [], [start], {start}
    while queue:
        node = queue.pop(0)
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order
def dfs(node, seen=None):
    seen = [] if seen is None else seen
    seen.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            dfs(nxt, seen)
    return seen
def dijkstra(start):
    dist = {n: float("inf") for n in graph}
    prev = {}
    dist[start] = 0
    pending = set(graph)
    while pending:
        node = min(sorted(pending), key=lambda n: dist[n])
        pending.remove(node)
        for nxt, w in graph[node].items():
            if dist[node] + w < dist[nxt]:
                dist[nxt] = dist[node] + w
                prev[nxt] = node
    return dist, prev
print(bfs("A"), dfs("A"))
dist, prev = dijkstra("A")
print(dist)
path, node = [], "F"
while node != "A":
    path.append(node)
    node = prev[node]
print(" -> ".join(["A"] + path[::-1]), dist["F"])
maze = ["S.#.....",
        ".##.###.",
        "....#...",
        "##.#..#E"]
start = (0, 0)
goal = (3, 7)
frontier = [(start, 0)]
visited = {start}
while frontier:
    (r, c), d = frontier.pop(0)
    if (r, c) == goal:
        print("maze solved in", d, "steps")
        break
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < 4 and 0 <= nc < 8 and maze[nr][nc] != "#" and (nr, nc) not in visited:
            visited.add((nr, nc))
            frontier.append(((nr, nc), d + 1))
print(len(visited), "cells visited")
