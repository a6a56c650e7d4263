"""claimgraph.server"""
