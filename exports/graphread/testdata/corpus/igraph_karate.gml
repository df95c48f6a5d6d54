Creator "igraph version 1.0.0 Wed Dec  2 10:19:43 2026"
Version 1
graph
[
  directed 0
  node
  [
    id 0
    name "m0"
  ]
  node
  [
    id 1
    name "m1"
  ]
  node
  [
    id 2
    name "m2"
  ]
  node
  [
    id 3
    name "m3"
  ]
  node
  [
    id 4
    name "m4"
  ]
  node
  [
    id 5
    name "m5"
  ]
  node
  [
    id 6
    name "m6"
  ]
  node
  [
    id 7
    name "m7"
  ]
  node
  [
    id 8
    name "m8"
  ]
  node
  [
    id 9
    name "m9"
  ]
  node
  [
    id 10
    name "m10"
  ]
  node
  [
    id 11
    name "m11"
  ]
  node
  [
    id 12
    name "m12"
  ]
  node
  [
    id 13
    name "m13"
  ]
  node
  [
    id 14
    name "m14"
  ]
  node
  [
    id 15
    name "m15"
  ]
  node
  [
    id 16
    name "m16"
  ]
  node
  [
    id 17
    name "m17"
  ]
  node
  [
    id 18
    name "m18"
  ]
  node
  [
    id 19
    name "m19"
  ]
  node
  [
    id 20
    name "m20"
  ]
  node
  [
    id 21
    name "m21"
  ]
  node
  [
    id 22
    name "m22"
  ]
  node
  [
    id 23
    name "m23"
  ]
  node
  [
    id 24
    name "m24"
  ]
  node
  [
    id 25
    name "m25"
  ]
  node
  [
    id 26
    name "m26"
  ]
  node
  [
    id 27
    name "m27"
  ]
  node
  [
    id 28
    name "m28"
  ]
  node
  [
    id 29
    name "m29"
  ]
  node
  [
    id 30
    name "m30"
  ]
  node
  [
    id 31
    name "m31"
  ]
  node
  [
    id 32
    name "m32"
  ]
  node
  [
    id 33
    name "m33"
  ]
  edge
  [
    source 1
    target 0
  ]
  edge
  [
    source 2
    target 0
  ]
  edge
  [
    source 3
    target 0
  ]
  edge
  [
    source 4
    target 0
  ]
  edge
  [
    source 5
    target 0
  ]
  edge
  [
    source 6
    target 0
  ]
  edge
  [
    source 7
    target 0
  ]
  edge
  [
    source 8
    target 0
  ]
  edge
  [
    source 10
    target 0
  ]
  edge
  [
    source 11
    target 0
  ]
  edge
  [
    source 12
    target 0
  ]
  edge
  [
    source 13
    target 0
  ]
  edge
  [
    source 17
    target 0
  ]
  edge
  [
    source 19
    target 0
  ]
  edge
  [
    source 21
    target 0
  ]
  edge
  [
    source 31
    target 0
  ]
  edge
  [
    source 2
    target 1
  ]
  edge
  [
    source 3
    target 1
  ]
  edge
  [
    source 7
    target 1
  ]
  edge
  [
    source 13
    target 1
  ]
  edge
  [
    source 17
    target 1
  ]
  edge
  [
    source 19
    target 1
  ]
  edge
  [
    source 21
    target 1
  ]
  edge
  [
    source 30
    target 1
  ]
  edge
  [
    source 3
    target 2
  ]
  edge
  [
    source 7
    target 2
  ]
  edge
  [
    source 27
    target 2
  ]
  edge
  [
    source 28
    target 2
  ]
  edge
  [
    source 32
    target 2
  ]
  edge
  [
    source 9
    target 2
  ]
  edge
  [
    source 8
    target 2
  ]
  edge
  [
    source 13
    target 2
  ]
  edge
  [
    source 7
    target 3
  ]
  edge
  [
    source 12
    target 3
  ]
  edge
  [
    source 13
    target 3
  ]
  edge
  [
    source 6
    target 4
  ]
  edge
  [
    source 10
    target 4
  ]
  edge
  [
    source 6
    target 5
  ]
  edge
  [
    source 10
    target 5
  ]
  edge
  [
    source 16
    target 5
  ]
  edge
  [
    source 16
    target 6
  ]
  edge
  [
    source 30
    target 8
  ]
  edge
  [
    source 32
    target 8
  ]
  edge
  [
    source 33
    target 8
  ]
  edge
  [
    source 33
    target 9
  ]
  edge
  [
    source 33
    target 13
  ]
  edge
  [
    source 32
    target 14
  ]
  edge
  [
    source 33
    target 14
  ]
  edge
  [
    source 32
    target 15
  ]
  edge
  [
    source 33
    target 15
  ]
  edge
  [
    source 32
    target 18
  ]
  edge
  [
    source 33
    target 18
  ]
  edge
  [
    source 33
    target 19
  ]
  edge
  [
    source 32
    target 20
  ]
  edge
  [
    source 33
    target 20
  ]
  edge
  [
    source 32
    target 22
  ]
  edge
  [
    source 33
    target 22
  ]
  edge
  [
    source 25
    target 23
  ]
  edge
  [
    source 27
    target 23
  ]
  edge
  [
    source 32
    target 23
  ]
  edge
  [
    source 33
    target 23
  ]
  edge
  [
    source 29
    target 23
  ]
  edge
  [
    source 25
    target 24
  ]
  edge
  [
    source 27
    target 24
  ]
  edge
  [
    source 31
    target 24
  ]
  edge
  [
    source 31
    target 25
  ]
  edge
  [
    source 29
    target 26
  ]
  edge
  [
    source 33
    target 26
  ]
  edge
  [
    source 33
    target 27
  ]
  edge
  [
    source 31
    target 28
  ]
  edge
  [
    source 33
    target 28
  ]
  edge
  [
    source 32
    target 29
  ]
  edge
  [
    source 33
    target 29
  ]
  edge
  [
    source 32
    target 30
  ]
  edge
  [
    source 33
    target 30
  ]
  edge
  [
    source 32
    target 31
  ]
  edge
  [
    source 33
    target 31
  ]
  edge
  [
    source 33
    target 32
  ]
]
