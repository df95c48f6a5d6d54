
# This graph contains nodes with no id fields,
# as well as invalid version and directedness.
# There is no newline at the end of this file.

Version 3
graph [
    directed 2
    node [ ] node  [ ] node [ Foo "bar & baz" ]
    composite [ a 1 ]
]
