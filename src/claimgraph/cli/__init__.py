"""claimgraph.cli"""
