<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
<!-- Created by igraph -->
  <key id="v_name" for="node" attr.name="name" attr.type="string"/>
  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="directed">
    <node id="n0">
      <data key="v_name">v1</data>
    </node>
    <node id="n1">
      <data key="v_name">v2</data>
    </node>
    <node id="n2">
      <data key="v_name">v3</data>
    </node>
    <node id="n3">
      <data key="v_name">v4</data>
    </node>
    <node id="n4">
      <data key="v_name">v5</data>
    </node>
    <edge source="n2" target="n0">
      <data key="e_weight">5</data>
    </edge>
    <edge source="n4" target="n1">
      <data key="e_weight">1</data>
    </edge>
    <edge source="n4" target="n3">
      <data key="e_weight">4</data>
    </edge>
  </graph>
</graphml>
